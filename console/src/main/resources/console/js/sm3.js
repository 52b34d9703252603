// SM3 (GB/T 32905-2016), written from the standard: a 256-bit hash over 512-bit blocks. Pure JavaScript,
// no dependencies; checked against BouncyCastle's SM3Digest by ConsoleBrowserTest.
const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];

const rotl = (x, n) => ((x << (n & 31)) | (x >>> ((32 - n) & 31))) >>> 0;
const p0 = (x) => (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0;
const p1 = (x) => (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0;

function compress(v, block) {
  const w = new Uint32Array(68);
  const w1 = new Uint32Array(64);
  for (let j = 0; j < 16; j++) {
    w[j] = ((block[4 * j] << 24) | (block[4 * j + 1] << 16) | (block[4 * j + 2] << 8) | block[4 * j + 3]) >>> 0;
  }
  for (let j = 16; j < 68; j++) {
    w[j] = (p1(w[j - 16] ^ w[j - 9] ^ rotl(w[j - 3], 15)) ^ rotl(w[j - 13], 7) ^ w[j - 6]) >>> 0;
  }
  for (let j = 0; j < 64; j++) {
    w1[j] = (w[j] ^ w[j + 4]) >>> 0;
  }
  let [a, b, c, d, e, f, g, h] = v;
  for (let j = 0; j < 64; j++) {
    const t = j < 16 ? 0x79cc4519 : 0x7a879d8a;
    const ss1 = rotl((rotl(a, 12) + e + rotl(t, j % 32)) >>> 0, 7);
    const ss2 = (ss1 ^ rotl(a, 12)) >>> 0;
    const ff = j < 16 ? (a ^ b ^ c) : ((a & b) | (a & c) | (b & c));
    const gg = j < 16 ? (e ^ f ^ g) : ((e & f) | (~e & g));
    const tt1 = ((ff >>> 0) + d + ss2 + w1[j]) >>> 0;
    const tt2 = ((gg >>> 0) + h + ss1 + w[j]) >>> 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = p0(tt2);
  }
  return [a ^ v[0], b ^ v[1], c ^ v[2], d ^ v[3], e ^ v[4], f ^ v[5], g ^ v[6], h ^ v[7]].map((x) => x >>> 0);
}

/** The SM3 digest (32 bytes) of a Uint8Array. */
export function sm3(data) {
  const bits = data.length * 8;
  const padded = new Uint8Array(((data.length + 8) >> 6) * 64 + 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bits / 0x100000000));
  view.setUint32(padded.length - 4, bits >>> 0);
  let v = IV.slice();
  for (let i = 0; i < padded.length; i += 64) {
    v = compress(v, padded.subarray(i, i + 64));
  }
  const out = new Uint8Array(32);
  const ov = new DataView(out.buffer);
  v.forEach((x, i) => ov.setUint32(4 * i, x));
  return out;
}
