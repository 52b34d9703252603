// The proof checker page: reads a proof and a trusted root, recomputes every level in this browser and
// shows each check as it is done. No request carries the proof: the page makes none.
import { hexToBytes } from './canonical.js';
import { parseProof, summary, verifyProof } from './proofcheck.js';

const MAX_FILE = 1 << 20;
const text = document.getElementById('proof-text');
const steps = document.getElementById('steps');
const verdict = document.getElementById('verdict');
const shows = document.getElementById('shows');
const status = document.getElementById('status');
let pkg = null;

const li = (cls, t) => { const e = document.createElement('li'); e.className = cls; e.textContent = t; return e; };

async function readFile(file) {
  if (file.size > MAX_FILE) throw new Error(`${file.name} has ${file.size.toLocaleString('en')} bytes; a proof has at most 1 MiB`);
  return file.text();
}

document.getElementById('proof-file').addEventListener('change', async (ev) => {
  if (ev.target.files[0]) text.value = await readFile(ev.target.files[0]);
});
const drop = document.getElementById('drop');
drop.addEventListener('dragover', (ev) => { ev.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', async (ev) => {
  ev.preventDefault();
  drop.classList.remove('over');
  if (ev.dataTransfer.files[0]) text.value = await readFile(ev.dataTransfer.files[0]);
});
document.getElementById('package-file').addEventListener('change', async (ev) => {
  pkg = null;
  if (!ev.target.files[0]) return;
  try {
    pkg = JSON.parse(await readFile(ev.target.files[0]));
    status.textContent = `package of group ${pkg.group ?? '?'} loaded`;
  } catch (e) {
    status.textContent = 'The package is not JSON: ' + e.message;
  }
});

const CHECKS = {
  leaf: (s) => `the ${s.tree} leaf hashes to its stated leafHash`,
  path: (s) => `its inclusion path of ${s.pathLength} hash${s.pathLength === 1 ? '' : 'es'} leads to the ${s.tree} root`,
  bound: (s) => `the root of the level below is the one bound in this ${s.tree} leaf`,
  context: (s) => `group, plant, day and counts agree at the ${s.tree} level`,
  root: () => 'the group root is the root you trust',
  fields: () => 'every readable field is what the leaves bind',
};

function trustedRoot() {
  const root = document.getElementById('root').value.trim();
  if (pkg) {
    // as `energychain verify --package`: the package's groupRoot, hash, group and period are trusted
    for (const f of ['groupRoot', 'hash', 'group', 'periodStart', 'periodEnd']) {
      if (typeof pkg[f] !== 'string') throw new Error(`The package has no ${f}: it is not a D2 package.`);
    }
    if (root && root.toLowerCase() !== pkg.groupRoot.toLowerCase()) throw new Error('The root typed differs from the package\'s groupRoot.');
    return { root: hexToBytes(pkg.groupRoot, 'the package\'s groupRoot'), source: 'D2 package', hash: pkg.hash,
      group: pkg.group, periodStart: pkg.periodStart, periodEnd: pkg.periodEnd };
  }
  if (!/^[0-9a-fA-F]{64}$/.test(root)) throw new Error('Give the trusted group root as 64 hexadecimal digits (or a package).');
  return { root: hexToBytes(root, 'the trusted root'), source: 'trusted root' };
}

document.getElementById('check').addEventListener('click', async () => {
  steps.replaceChildren();
  verdict.replaceChildren();
  verdict.className = '';
  shows.replaceChildren();
  let proof;
  let trusted;
  try {
    let doc;
    try {
      doc = JSON.parse(text.value);
    } catch (e) {
      throw new Error('The proof is not JSON: ' + e.message);
    }
    proof = parseProof(doc);
    trusted = trustedRoot();
  } catch (e) {
    verdict.className = 'verdict bad';
    verdict.id = 'verdict';
    verdict.textContent = e.message.startsWith('The') || e.message.startsWith('Give') ? e.message : 'The proof is not in the format of energychain prove --json: ' + e.message;
    return;
  }
  status.textContent = 'checking…';
  const started = performance.now();
  const result = await verifyProof(proof, trusted, (s) => {
    steps.append(li(s.ok ? 'ok' : 'bad', `${s.ok ? '✓' : '✗'} ${s.where}: ${CHECKS[s.check](s)}`));
  });
  status.textContent = `checked in this browser in ${(performance.now() - started).toFixed(1)} ms`;
  verdict.className = 'verdict ' + (result.holds ? 'ok' : 'bad');
  if (result.holds) {
    const s = summary(result.decoded);
    verdict.textContent = `The proof holds: ${s.reading ? 'reading ' + s.reading + ' of ' : ''}plant ${s.plant}`
      + `${s.day ? ', day ' + s.day : ''} is under the trusted root of group ${s.group}, period ${s.period}.`;
  } else {
    verdict.textContent = 'The proof fails: ';
    const ul = document.createElement('ul');
    ul.id = 'differences';
    result.differences.forEach((d) => ul.append(li('bad', d)));
    verdict.append(ul);
  }
});
