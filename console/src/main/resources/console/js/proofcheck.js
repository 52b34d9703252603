// The proof checker of the console, in the browser: the same checks as the Java ProofChainVerifier
// (docs/cli.md "prove" and "verify", docs/encoding.md), recomputed here from the proof's bytes with
// WebCrypto SHA-256 or the SM3 of sm3.js. Nothing of the proof leaves the page.
import { sm3 } from './sm3.js';
import {
  bytesToHex, dayLeaf, decimalText, equalBytes, hexToBytes, instantText, parseDecimal, plantLeaf, readingLeaf,
} from './canonical.js';

const TOP = ['hash', 'group', 'plant', 'periodStart', 'periodEnd', 'day', 'groupRoot', 'levels', 'reading'];
const TOP_REQUIRED = ['hash', 'group', 'plant', 'periodStart', 'periodEnd', 'groupRoot', 'levels'];
const READING = ['index', 'timestamp', 'measurement', 'value', 'unit', 'salt'];
const LEVEL = ['tree', 'leaf', 'leafHash', 'leafIndex', 'treeSize', 'path', 'root'];
const GROUP_LEVEL = ['tree', 'leaf', 'leafHash', 'path', 'sides', 'root'];
const TREES = ['day', 'period', 'group'];
const MAX_PATH = 64;

/** The digest of bytes with the named hash ("SHA-256" or "SM3"). */
export async function digest(hash, bytes) {
  if (hash === 'SM3') return sm3(bytes);
  if (hash === 'SHA-256') {
    if (!globalThis.crypto || !crypto.subtle) {
      throw new Error('this page cannot use WebCrypto (it must be served over HTTPS or from localhost)');
    }
    return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  }
  throw new Error(`unknown hash '${hash}' (known: SHA-256, SM3)`);
}

const concat = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
};
const leafHashOf = (hash, leaf) => digest(hash, concat(Uint8Array.of(0), leaf));
const nodeHash = (hash, l, r) => digest(hash, concat(Uint8Array.of(1), l, r));

/** RFC 9162 section 2.1.3.2: whether the audit path leads from leafHash at index of a tree of size to root. */
export async function verifyInclusion(hash, leafHash, index, size, path, root) {
  if (!(index >= 0 && index < size)) return false;
  let fn = BigInt(index);
  let sn = BigInt(size) - 1n;
  let r = leafHash;
  for (const p of path) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = await nodeHash(hash, p, r);
      while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
    } else {
      r = await nodeHash(hash, r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && equalBytes(r, root);
}

/** The group level: the path folded by its sides (left: H(0x01 || path hash || running hash)). */
async function foldSides(hash, leafHash, path, sides) {
  let r = leafHash;
  for (let i = 0; i < path.length; i++) {
    r = sides[i] === 'left' ? await nodeHash(hash, path[i], r) : await nodeHash(hash, r, path[i]);
  }
  return r;
}

function fields(obj, at, what, allowed, required) {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) throw new Error(`${at || 'the proof'} is not ${what}`);
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) throw new Error(`${at}${k} is not part of ${what}`);
  }
  for (const k of required) {
    if (!(k in obj) || obj[k] === null) throw new Error(`${at}${k} is missing`);
  }
}

function text(obj, k, at) {
  if (typeof obj[k] !== 'string') throw new Error(`${at}${k} must be a string`);
  return obj[k];
}

function integer(obj, k, at) {
  if (!Number.isSafeInteger(obj[k]) || obj[k] < 0) throw new Error(`${at}${k} must be a whole number`);
  return obj[k];
}

function hexList(obj, k, at) {
  if (!Array.isArray(obj[k]) || obj[k].length > MAX_PATH) throw new Error(`${at}${k} must be a list of at most ${MAX_PATH} hashes`);
  return obj[k].map((h, i) => hexToBytes(h, `${at}${k}[${i}]`));
}

/**
 * Reads a proof document (the JSON of `energychain prove --json` or a delivery file) strictly; throws an
 * Error naming the field that is missing, malformed or not part of the format.
 */
export function parseProof(doc) {
  fields(doc, '', 'a proof', TOP, TOP_REQUIRED);
  const hash = text(doc, 'hash', '');
  if (!Array.isArray(doc.levels) || doc.levels.length === 0 || doc.levels.length > 3) {
    throw new Error('levels must be a list of 1 to 3 levels');
  }
  const levels = doc.levels.map((l, i) => {
    const at = `levels[${i}].`;
    if (l === null || typeof l !== 'object' || typeof l.tree !== 'string') throw new Error(`${at}tree is missing or not a string`);
    const tree = l.tree.trim().toLowerCase();
    if (!TREES.includes(tree)) throw new Error(`${at}tree: unknown tree '${l.tree}' (known: day, period, group)`);
    const group = tree === 'group';
    fields(l, at, `a ${tree} level`, group ? GROUP_LEVEL : LEVEL, group ? GROUP_LEVEL : LEVEL);
    const out = {
      tree, leaf: hexToBytes(text(l, 'leaf', at), `${at}leaf`), leafHash: hexToBytes(text(l, 'leafHash', at), `${at}leafHash`),
      path: hexList(l, 'path', at), root: hexToBytes(text(l, 'root', at), `${at}root`),
    };
    if (group) {
      if (!Array.isArray(l.sides) || l.sides.length !== out.path.length) {
        throw new Error(`${at}sides: one side (left or right) per path hash`);
      }
      l.sides.forEach((s) => { if (s !== 'left' && s !== 'right') throw new Error(`${at}sides: '${s}' is neither left nor right`); });
      out.sides = l.sides.slice();
    } else {
      out.leafIndex = integer(l, 'leafIndex', at);
      out.treeSize = integer(l, 'treeSize', at);
    }
    return out;
  });
  let reading = null;
  if ('reading' in doc && doc.reading !== null) {
    fields(doc.reading, 'reading.', 'a reading', READING, READING);
    const r = doc.reading;
    const ts = Date.parse(text(r, 'timestamp', 'reading.'));
    if (isNaN(ts)) throw new Error('reading.timestamp is not an instant');
    reading = {
      index: integer(r, 'index', 'reading.'), timestamp: BigInt(ts), measurement: text(r, 'measurement', 'reading.'),
      value: parseDecimal(text(r, 'value', 'reading.')), unit: text(r, 'unit', 'reading.'),
      salt: hexToBytes(text(r, 'salt', 'reading.'), 'reading.salt'),
    };
  }
  const view = {
    group: text(doc, 'group', ''), plant: text(doc, 'plant', ''), periodStart: text(doc, 'periodStart', ''),
    periodEnd: text(doc, 'periodEnd', ''), day: 'day' in doc && doc.day !== null ? text(doc, 'day', '') : null,
    reading, groupRoot: hexToBytes(text(doc, 'groupRoot', ''), 'groupRoot'),
  };
  return { hash, levels, view };
}

function dayOf(ms) {
  return instantText(ms).slice(0, 10);
}

function daysBetween(a, b) {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86400000);
}

/** "plant P, day D, reading #i T M", as far as decoded (as ProofChainVerifier names a place). */
function describe(d) {
  const parts = [];
  const plant = d.plant?.plant ?? d.day?.plant ?? d.reading?.plant;
  if (plant != null) parts.push(`plant ${plant}`);
  const date = d.day ? d.day.day : d.reading ? dayOf(d.reading.timestamp) : null;
  if (date != null) parts.push(`day ${date}`);
  if (d.reading) parts.push(`reading #${d.readingIndex} ${instantText(d.reading.timestamp)} ${d.reading.measurement}`);
  return parts.length ? parts.join(', ') : 'the proof';
}

function contextProblem(level, byTree, d, hash) {
  if (level.tree === 'day') {
    return d.reading.hash === hash ? null : `the reading leaf names hash ${d.reading.hash}`;
  }
  if (level.tree === 'period') {
    const day = d.day;
    if (day.hash !== hash) return `the day leaf names hash ${day.hash}`;
    const reading = d.reading;
    if (!reading) return null;
    if (reading.plant !== day.plant || reading.group !== day.group) {
      return `the reading belongs to ${reading.group}/${reading.plant}, the day to ${day.group}/${day.plant}`;
    }
    const readingDay = dayOf(reading.timestamp);
    if (readingDay !== day.day) return `the reading is of ${readingDay}, the day leaf of ${day.day}`;
    const size = byTree.day.treeSize;
    return size === day.readingCount ? null
      : `the daily tree has ${size} leaves, the day leaf says ${day.readingCount} readings`;
  }
  const plant = d.plant;
  const day = d.day;
  if (plant.hash !== hash) return `the plant leaf names hash ${plant.hash}`;
  if (day.plant !== plant.plant || day.group !== plant.group) {
    return `the day belongs to ${day.group}/${day.plant}, the plant leaf to ${plant.group}/${plant.plant}`;
  }
  const period = byTree.period;
  const index = daysBetween(plant.periodStart, day.day);
  if (index < 0 || !(day.day < plant.periodEnd)) {
    return `day ${day.day} lies outside the period ${plant.periodStart}..${plant.periodEnd}`;
  }
  if (period.leafIndex !== index) return `the day is at index ${period.leafIndex} of the period tree, its date says ${index}`;
  return period.treeSize === plant.dayCount ? null
    : `the period tree has ${period.treeSize} leaves, the plant leaf says ${plant.dayCount} days`;
}

/**
 * Checks a parsed proof against a trusted root {root: Uint8Array, source, hash?, group?, periodStart?,
 * periodEnd?}. onStep({level, tree, check, ok, detail}) is called as each check is done, bottom up.
 * Answers {holds, differences: [text naming plant, day and reading], decoded}.
 */
export async function verifyProof(proof, trusted, onStep = () => {}) {
  const { hash, levels } = proof;
  const fail = (why) => ({ holds: false, differences: [why] });
  if (hash !== 'SHA-256' && hash !== 'SM3') return fail(`the proof uses unknown hash '${hash}' (known: SHA-256, SM3)`);
  if (trusted.hash && trusted.hash !== hash) return fail(`the proof uses hash ${hash}, the ${trusted.source} ${trusted.hash}`);
  const width = 32;
  const d = { reading: null, readingIndex: 0, day: null, plant: null };
  const byTree = {};
  if (levels[0].tree === 'group') {
    return fail('the proof has only a group level: it proves no day (a proof starts at a day or a period level)');
  }
  let expected = levels[0].tree;
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i];
    if (level.tree !== expected) {
      return fail(`${describe(d)}: level ${i} is a ${level.tree} tree, expected `
        + (expected == null ? 'nothing above the group tree' : `the ${expected} tree`));
    }
    try {
      if (level.tree === 'day') { d.reading = readingLeaf(level.leaf); d.readingIndex = level.leafIndex; }
      else if (level.tree === 'period') d.day = dayLeaf(level.leaf, width);
      else d.plant = plantLeaf(level.leaf, width);
    } catch (e) {
      return fail(`${i === 0 ? '' : describe(d) + ': '}level ${i} (${level.tree} tree): malformed leaf: ${e.message}`);
    }
    const where = `${describe(d)} (${level.tree} level)`;
    const leafOk = equalBytes(await leafHashOf(hash, level.leaf), level.leafHash);
    onStep({ level: i, tree: level.tree, check: 'leaf', ok: leafOk, where });
    if (!leafOk) return fail(`${where}: the leaf does not hash to the stated leafHash (the data differs)`);
    const pathOk = level.tree === 'group'
      ? equalBytes(await foldSides(hash, level.leafHash, level.path, level.sides), level.root)
      : await verifyInclusion(hash, level.leafHash, level.leafIndex, level.treeSize, level.path, level.root);
    onStep({ level: i, tree: level.tree, check: 'path', ok: pathOk, where, pathLength: level.path.length });
    if (!pathOk) {
      return fail(`${where}: the inclusion proof does not lead to the stated ${level.tree} root ${bytesToHex(level.root)}`);
    }
    if (i > 0) {
      const below = levels[i - 1];
      const bound = level.tree === 'period' ? d.day.root : d.plant.root;
      const boundOk = equalBytes(bound, below.root);
      onStep({ level: i, tree: level.tree, check: 'bound', ok: boundOk, where });
      if (!boundOk) return fail(`${where}: the ${below.tree} root below differs from the one bound in this leaf`);
    }
    const problem = contextProblem(level, byTree, d, hash);
    onStep({ level: i, tree: level.tree, check: 'context', ok: problem == null, where });
    if (problem != null) return fail(`${where}: ${problem}`);
    byTree[level.tree] = level;
    expected = level.tree === 'group' ? null : TREES[TREES.indexOf(level.tree) + 1];
  }
  if (d.plant == null) return fail(`${describe(d)}: the proof stops below the group tree`);
  const differences = [];
  const where = describe(d);
  const top = levels[levels.length - 1].root;
  const rootOk = equalBytes(top, trusted.root);
  onStep({ level: levels.length, tree: 'trusted', check: 'root', ok: rootOk, where });
  if (!rootOk) {
    differences.push(`${where}: the group root ${bytesToHex(top)} differs from the trusted root ${bytesToHex(trusted.root)} (${trusted.source})`);
  }
  if (trusted.group && (d.plant.group !== trusted.group || d.plant.periodStart !== trusted.periodStart
      || d.plant.periodEnd !== trusted.periodEnd)) {
    differences.push(`${where}: the proof is of group ${d.plant.group} period ${d.plant.periodStart}..${d.plant.periodEnd}, `
      + `the ${trusted.source} of group ${trusted.group} period ${trusted.periodStart}..${trusted.periodEnd}`);
  }
  differences.push(...viewDifferences(proof.view, d, top));
  onStep({ level: levels.length, tree: 'view', check: 'fields', ok: differences.length === 0, where });
  return { holds: differences.length === 0, differences, decoded: d };
}

/** What the proof's readable fields say differently from its leaves (ProofView.differencesFrom). */
function viewDifferences(view, d, top) {
  const diffs = [];
  const leaves = {
    group: d.plant.group, plant: d.plant.plant, periodStart: d.plant.periodStart, periodEnd: d.plant.periodEnd,
    day: d.day ? d.day.day : null,
  };
  const who = `plant ${leaves.plant}` + (leaves.day ? `, day ${leaves.day}` : '')
    + (d.reading ? `, reading #${d.readingIndex} ${instantText(d.reading.timestamp)} ${d.reading.measurement}` : '');
  for (const name of ['group', 'plant', 'periodStart', 'periodEnd', 'day']) {
    const claimed = view[name];
    const bound = leaves[name];
    if (claimed === bound) continue;
    if (bound == null) diffs.push(`${who}: the proof shows ${name} ${claimed} but no level's leaf binds it`);
    else if (claimed == null) diffs.push(`${who}: the proof does not show the ${name} its leaves bind (${bound})`);
    else diffs.push(`${who}: ${name} is ${claimed} in the proof's view but ${bound} in its leaves`);
  }
  if (!equalBytes(view.groupRoot, top)) {
    diffs.push(`${who}: groupRoot is ${bytesToHex(view.groupRoot)} in the proof's view but its chain leads to ${bytesToHex(top)}`);
  }
  const r = view.reading;
  if (r && !d.reading) {
    diffs.push(`${who}: the proof shows reading #${r.index} ${instantText(r.timestamp)} ${r.measurement} but has no day level whose leaf binds it`);
  } else if (!r && d.reading) {
    diffs.push(`${who}: the proof has a day level but does not show its reading`);
  } else if (r) {
    const leaf = d.reading;
    const field = (name, claimed, bound, same) => {
      if (!same) diffs.push(`${who}: ${name} is ${claimed} in the proof's reading but ${bound} in its leaf`);
    };
    if (r.index !== d.readingIndex) {
      diffs.push(`${who}: index is ${r.index} in the proof's reading but the day level is of leaf ${d.readingIndex}`);
    }
    field('timestamp', instantText(r.timestamp), instantText(leaf.timestamp), r.timestamp === leaf.timestamp);
    field('measurement', r.measurement, leaf.measurement, r.measurement === leaf.measurement);
    field('value', decimalText(r.value), decimalText(leaf.value),
      r.value.unscaled === leaf.value.unscaled && r.value.scale === leaf.value.scale);
    field('unit', r.unit, leaf.unit, r.unit === leaf.unit);
    field('salt', bytesToHex(r.salt), bytesToHex(leaf.salt), equalBytes(r.salt, leaf.salt));
  }
  return diffs;
}

/** What a proof shows, for the page: the decoded reading, day and plant. */
export function summary(d) {
  const out = { group: d.plant.group, plant: d.plant.plant, period: `${d.plant.periodStart} .. ${d.plant.periodEnd}` };
  if (d.day) out.day = d.day.day;
  if (d.reading) {
    out.reading = `#${d.readingIndex} ${instantText(d.reading.timestamp)} ${d.reading.measurement} = `
      + `${decimalText(d.reading.value)} ${d.reading.unit}`;
  }
  return out;
}
