// The canonical encoding of docs/encoding.md, read strictly (as the Java CanonicalReader): what the proof
// checker needs to decode the reading, day and plant leaves. Nothing here hashes JSON.

export function hexToBytes(hex, what) {
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new Error(`${what} is not hexadecimal`);
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(2 * i, 2), 16);
  return out;
}

export function bytesToHex(b) {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

/** A decimal as (unscaled BigInt, scale) in the canonical form: trailing zeros stripped, zero has scale 0. */
export function normalDecimal(unscaled, scale) {
  if (unscaled === 0n) return { unscaled: 0n, scale: 0 };
  while (unscaled % 10n === 0n) { unscaled /= 10n; scale -= 1; }
  return { unscaled, scale };
}

/** Parses decimal text as Java's BigDecimal does ("1234.50", "-0.001", "1E+3"). */
export function parseDecimal(text) {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(String(text).trim());
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) throw new Error(`'${text}' is not a number`);
  const frac = m[3] || '';
  let unscaled = BigInt((m[2] || '0') + frac);
  if (m[1] === '-') unscaled = -unscaled;
  return normalDecimal(unscaled, frac.length - (m[4] ? parseInt(m[4], 10) : 0));
}

/** The plain text of a decimal ("1234.5", "-0.001", "1000"). */
export function decimalText({ unscaled, scale }) {
  const neg = unscaled < 0n;
  let digits = (neg ? -unscaled : unscaled).toString();
  if (scale <= 0) return (neg ? '-' : '') + digits + '0'.repeat(-scale);
  if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits;
  return (neg ? '-' : '') + digits.slice(0, digits.length - scale) + '.' + digits.slice(digits.length - scale);
}

/** An instant in milliseconds as Java's Instant.toString writes it. */
export function instantText(ms) {
  const iso = new Date(Number(ms)).toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, -5) + 'Z' : iso;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class Reader {
  constructor(bytes) {
    this.b = bytes;
    this.at = 0;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  need(n, what) {
    if (n < 0 || this.at + n > this.b.length) throw new Error(`${what}: the leaf ends early`);
  }

  i32(what) {
    this.need(4, what);
    const v = this.view.getInt32(this.at);
    this.at += 4;
    return v;
  }

  i64(what) {
    this.need(8, what);
    const v = this.view.getBigInt64(this.at);
    this.at += 8;
    return v;
  }

  bytes(what) {
    const n = this.i32(what);
    if (n < 0) throw new Error(`${what}: negative length`);
    this.need(n, what);
    const out = this.b.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  string(what) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(this.bytes(what));
    } catch (e) {
      throw new Error(`${what}: ${e.message}`);
    }
  }

  fixed(n, what) {
    this.need(n, what);
    const out = this.b.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  date(what) {
    const s = this.string(what);
    if (!DATE.test(s) || isNaN(Date.parse(s + 'T00:00:00Z')) || new Date(s + 'T00:00:00Z').toISOString().slice(0, 10) !== s) {
      throw new Error(`${what}: '${s}' is not a date YYYY-MM-DD`);
    }
    return s;
  }

  decimal(what) {
    const scale = this.i32(what);
    const b = this.bytes(what);
    if (b.length === 0) throw new Error(`${what}: empty unscaled value`);
    if (b.length > 1 && ((b[0] === 0 && b[1] < 0x80) || (b[0] === 0xff && b[1] >= 0x80))) {
      throw new Error(`${what}: the unscaled value is not minimal`);
    }
    let v = 0n;
    for (const x of b) v = (v << 8n) | BigInt(x);
    if (b[0] >= 0x80) v -= 1n << BigInt(8 * b.length);
    const n = normalDecimal(v, scale);
    if (n.scale !== scale) throw new Error(`${what}: trailing zeros not stripped`);
    return n;
  }

  expectTag(tag) {
    const t = this.string('tag');
    if (t !== tag) throw new Error(`the leaf is ${t}, expected ${tag}`);
    return this;
  }

  end() {
    if (this.at !== this.b.length) throw new Error(`${this.b.length - this.at} bytes after the leaf's end`);
  }
}

export function readingLeaf(bytes) {
  const r = new Reader(bytes).expectTag('EC/reading/v1');
  const leaf = {
    hash: r.string('hash'), group: r.string('group'), plant: r.string('plant'), timestamp: r.i64('timestamp'),
    measurement: r.string('measurement'), unit: r.string('unit'), value: r.decimal('value'), salt: r.fixed(16, 'salt'),
  };
  r.end();
  return leaf;
}

export function dayLeaf(bytes, width) {
  const r = new Reader(bytes).expectTag('EC/day/v1');
  const leaf = {
    hash: r.string('hash'), group: r.string('group'), plant: r.string('plant'), day: r.date('day'),
    readingCount: r.i32('readingCount'), root: r.fixed(width, 'dailyRoot'),
  };
  r.end();
  return leaf;
}

export function plantLeaf(bytes, width) {
  const r = new Reader(bytes).expectTag('EC/plant/v1');
  const leaf = {
    hash: r.string('hash'), group: r.string('group'), plant: r.string('plant'), periodStart: r.date('periodStart'),
    periodEnd: r.date('periodEnd'), dayCount: r.i32('dayCount'), root: r.fixed(width, 'periodRoot'),
  };
  r.end();
  return leaf;
}
