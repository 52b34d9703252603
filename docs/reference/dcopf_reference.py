#!/usr/bin/python3
"""Independent DC-OPF reference for the MATPOWER cases (docs/dispatch.md, "Checked against").

Solves MATPOWER's DC optimal power flow (what `rundcopf` solves) with a different formulation and a
different solver than EnergyChain: bus angles and generator outputs as variables (B-theta, MATPOWER's
own formulation, not the PTDFs EnergyChain uses), solved by CVXOPT's interior-point QP/LP solver (Debian
package python3-cvxopt) to 1e-10. Prints JSON: each in-service generator's MW ("G<row>"), the total cost
($/h, constant terms included), every bus's price (minus the dual of its power balance, $/MWh) and every
in-service branch's flow (MW) and, where its limit binds, its shadow price ($/MWh).

The DC model as in MATPOWER's makeBdc/opf: b = 1/(x * tap) (tap 0 means 1), phase shift s (degrees)
adds -b*s*pi/180 p.u. to the branch flow and the matching injections at its ends; bus load is PD + GS;
rateA 0 means unlimited; generators and branches out of service are dropped; polynomial costs up to
degree 2 (model 2) and convex piecewise-linear costs (model 1, as an epigraph variable).

Usage: python3 dcopf_reference.py case30.m > case30.json
"""
import json
import math
import re
import sys

from cvxopt import matrix, solvers, spmatrix


def read_case(path):
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"%[^\n]*", "", text)
    base = float(re.search(r"mpc\.baseMVA\s*=\s*([^;\s]+)", text).group(1))
    mats = {}
    for name in ("bus", "gen", "branch", "gencost"):
        m = re.search(r"mpc\." + name + r"\s*=\s*\[(.*?)\]", text, re.S)
        rows = []
        for row in re.split(r"[;\n]", m.group(1)):
            vals = [float(v) for v in re.split(r"[\s,]+", row.strip()) if v]
            if vals:
                rows.append(vals)
        mats[name] = rows
    return base, mats


def solve(path):
    base, m = read_case(path)
    buses = [int(b[0]) for b in m["bus"]]
    index = {b: i for i, b in enumerate(buses)}
    nb = len(buses)
    ref = [int(b[0]) for b in m["bus"] if int(b[1]) == 3][0]
    gens = [(k, g) for k, g in enumerate(m["gen"]) if g[7] > 0]
    branches = [(k, r) for k, r in enumerate(m["branch"]) if r[10] > 0]
    ng = len(gens)
    costs = [m["gencost"][k] for k, _ in gens]
    pwl = [j for j, c in enumerate(costs) if int(c[0]) == 1]
    # variables: theta (nb), P (ng), y per piecewise-linear unit
    nv = nb + ng + len(pwl)
    P = spmatrix([], [], [], (nv, nv))
    q = matrix(0.0, (nv, 1))
    constant = 0.0
    for j, c in enumerate(costs):
        n = int(c[3])
        if int(c[0]) == 2:
            coef = c[4:4 + n]
            coef = [0.0] * (3 - n) + coef
            a, b, c0 = coef
            P[nb + j, nb + j] = 2 * a
            q[nb + j] = b
            constant += c0
    for k, j in enumerate(pwl):
        q[nb + ng + k] = 1.0
    g_rows, h = [], []

    def row(coeffs, bound):
        g_rows.append(coeffs)
        h.append(bound)

    for j, (_, g) in enumerate(gens):
        row({nb + j: 1.0}, g[8])
        row({nb + j: -1.0}, -g[9])
    for k, j in enumerate(pwl):
        c = costs[j]
        n = int(c[3])
        pts = [(c[4 + 2 * i], c[5 + 2 * i]) for i in range(n)]
        for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
            s = (y1 - y0) / (x1 - x0)
            # y >= y0 + s (P - x0)  <=>  s P - y <= s x0 - y0
            row({nb + j: s, nb + ng + k: -1.0}, s * x0 - y0)
    # balance per bus: sum P at bus - sum_out f + sum_in f = PD + GS - shift injections
    a_rows = {i: {} for i in range(nb)}
    rhs = [m["bus"][i][2] + m["bus"][i][4] for i in range(nb)]
    line_info = []
    for k, r in branches:
        f, t = index[int(r[0])], index[int(r[1])]
        tap = r[8] if r[8] != 0 else 1.0
        b = 1.0 / (r[3] * tap)
        shift = -b * r[9] * math.pi / 180 * base  # MW
        # flow (MW) = base*b*(th_f - th_t) + shift
        coef = {f: base * b}
        coef[t] = coef.get(t, 0.0) - base * b
        for i, v in coef.items():
            a_rows[f][i] = a_rows[f].get(i, 0.0) - v
            a_rows[t][i] = a_rows[t].get(i, 0.0) + v
        rhs[f] += shift
        rhs[t] -= shift
        line_info.append((k, r, coef, shift))
        if r[5] > 0:
            row(coef, r[5] - shift)
            row({i: -v for i, v in coef.items()}, r[5] + shift)
    for j, (_, g) in enumerate(gens):
        a_rows[index[int(g[0])]][nb + j] = a_rows[index[int(g[0])]].get(nb + j, 0.0) + 1.0
    eq = [a_rows[i] for i in range(nb)] + [{index[ref]: 1.0}]
    b_eq = rhs + [0.0]

    def sparse(rows, n):
        v, i, j = [], [], []
        for r, coeffs in enumerate(rows):
            for c, x in coeffs.items():
                v.append(x)
                i.append(r)
                j.append(c)
        return spmatrix(v, i, j, (len(rows), n))

    G = sparse(g_rows, nv)
    A = sparse(eq, nv)
    solvers.options.update({"show_progress": False, "abstol": 1e-9, "reltol": 1e-12, "feastol": 1e-10,
                            "maxiters": 200})
    sol = solvers.qp(P, q, G, matrix(h), A, matrix(b_eq), kktsolver="ldl")
    if sol["status"] != "optimal":
        raise SystemExit(path + ": " + sol["status"])
    x, y, z = sol["x"], sol["y"], sol["z"]
    out = {"case": path.split("/")[-1], "solver": "cvxopt " + __import__("cvxopt").__version__,
           "generators": {}, "prices": {}, "flows": {}, "shadowPrices": {}}
    cost = constant
    for j, (k, g) in enumerate(gens):
        p = x[nb + j]
        out["generators"]["G%d" % (k + 1)] = p
        c = costs[j]
        if int(c[0]) == 2:
            n = int(c[3])
            coef = [0.0] * (3 - n) + c[4:4 + n]
            cost += coef[0] * p * p + coef[1] * p
    for k in range(len(pwl)):
        cost += x[nb + ng + k]
    out["cost"] = cost
    for i, bus in enumerate(buses):
        out["prices"][str(bus)] = -y[i]
    zi = 2 * ng + sum(int(costs[j][3]) - 1 for j in pwl)
    for k, r, coef, shift in line_info:
        flow = sum(v * x[i] for i, v in coef.items()) + shift
        name = "%d-%d" % (int(r[0]), int(r[1]))
        while name in out["flows"]:
            name += "'"
        out["flows"][name] = flow
        if r[5] > 0:
            mu = z[zi] - z[zi + 1]
            zi += 2
            if abs(mu) > 1e-6:
                out["shadowPrices"][name] = mu
    return out


if __name__ == "__main__":
    print(json.dumps(solve(sys.argv[1]), indent=1, sort_keys=True))
