#!/usr/bin/python3
"""Recomputes the golden vector of the grid on chain (docs/dispatch.md, "The grid on chain";
NegotiationGridTest.theFactorsOfCase9AreFixedBitForBit) independently of the Java code: the distribution
factors of MATPOWER's case9 in exact rational arithmetic (fractions), rounded half up to ppm as Java's
Math.round does, encoded as EC/nego/grid-ptdf/v1, and hashed with SHA-256.

Usage: python3 grid_ptdf.py case9.m
"""
import hashlib
import math
import re
import struct
import sys
from fractions import Fraction


def rows(text, name):
    m = re.search(r"mpc\." + name + r"\s*=\s*\[(.*?)\]", re.sub(r"%[^\n]*", "", text), re.S)
    return [[float(v) for v in re.split(r"[\s,]+", r.strip()) if v] for r in re.split(r"[;\n]", m.group(1)) if r.strip()]


def main(path):
    text = open(path, encoding="utf-8").read()
    bus = rows(text, "bus")
    branch = [r for r in rows(text, "branch") if r[10] > 0]
    buses = sorted(int(b[0]) for b in bus if int(b[1]) != 4)
    slack = [int(b[0]) for b in bus if int(b[1]) == 3][0]
    idx = {b: i for i, b in enumerate(buses)}
    red = [b for b in buses if b != slack]
    ridx = {b: i for i, b in enumerate(red)}
    n = len(red)
    # reactance as published: round(x * tap * 1e6) micro-p.u., read back as xMicro / 1e6
    lines = []
    for r in branch:
        tap = r[8] if r[8] != 0 else 1.0
        x_micro = int(math.floor(r[3] * tap * 1e6 + 0.5))
        lines.append((int(r[0]), int(r[1]), Fraction(x_micro, 1_000_000), r[5] > 0))
    a = [[Fraction(0)] * n for _ in range(n)]
    for f, t, x, _ in lines:
        y = 1 / x
        for u, v in ((f, t), (t, f)):
            if u in ridx:
                a[ridx[u]][ridx[u]] += y
                if v in ridx:
                    a[ridx[u]][ridx[v]] -= y
    # exact inverse by Gauss-Jordan
    m = [row[:] + [Fraction(int(i == j)) for j in range(n)] for i, row in enumerate(a)]
    for c in range(n):
        p = next(r for r in range(c, n) if m[r][c] != 0)
        m[c], m[p] = m[p], m[c]
        piv = m[c][c]
        m[c] = [v / piv for v in m[c]]
        for r in range(n):
            if r != c and m[r][c] != 0:
                k = m[r][c]
                m[r] = [vr - k * vc for vr, vc in zip(m[r], m[c])]
    inv = [row[n:] for row in m]
    out = bytearray()
    tag = b"EC/nego/grid-ptdf/v1"
    out += struct.pack(">i", len(tag)) + tag
    limited = [k for k, l in enumerate(lines) if l[3]]
    out += struct.pack(">ii", len(buses), len(limited))
    for k in limited:
        f, t, x, _ = lines[k]
        out += struct.pack(">i", k)
        for b in buses:
            if b == slack:
                val = Fraction(0)
            else:
                xf = inv[ridx[f]][ridx[b]] if f in ridx else 0
                xt = inv[ridx[t]][ridx[b]] if t in ridx else 0
                val = (xf - xt) / x
            out += struct.pack(">i", math.floor(val * 1_000_000 + Fraction(1, 2)))
    print(hashlib.sha256(out).hexdigest())


if __name__ == "__main__":
    main(sys.argv[1])
