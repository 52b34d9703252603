#!/usr/bin/env python3
"""Independent re-implementation of EnergyChain's canonical encoding and trees (docs/encoding.md),
written from the specification only, to show a third party can recompute every hash. SHA-256 suite.
Prints the golden vectors that the Java tests assert (EncodingGoldenVectorsTest)."""
import hashlib, hmac, struct
from datetime import datetime, timezone, date
from decimal import Decimal

def u32(n): return struct.pack(">I", n)
def i32(n): return struct.pack(">i", n)
def i64(n): return struct.pack(">q", n)
def string(s): b = s.encode("utf-8"); return u32(len(b)) + b
def bytes_(b): return u32(len(b)) + b
def instant(iso): return i64(int(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp() * 1000))
def date_(d): return string(d)

def decimal(v):
    d = Decimal(v)
    if d == 0:
        scale, unscaled = 0, 0
    else:
        d = d.normalize()
        sign, digits, exp = d.as_tuple()
        unscaled = int("".join(map(str, digits))) * (-1 if sign else 1)
        scale = -exp
    n = (unscaled.bit_length() + 8) // 8  # minimal two's complement, as Java's BigInteger.toByteArray
    return i32(scale) + bytes_(unscaled.to_bytes(n, "big", signed=True))

def H(b): return hashlib.sha256(b).digest()
def leaf_hash(leaf): return H(b"\x00" + leaf)
def node_hash(l, r): return H(b"\x01" + l + r)

def mth(leaves):
    """RFC 9162 Merkle tree hash over raw leaves."""
    n = len(leaves)
    if n == 0: return H(b"")
    if n == 1: return leaf_hash(leaves[0])
    k = 1
    while k * 2 < n: k *= 2
    return node_hash(mth(leaves[:k]), mth(leaves[k:]))

HASH = "SHA-256"
def reading_leaf(group, plant, ts, measurement, unit, value, salt):
    return (string("EC/reading/v1") + string(HASH) + string(group) + string(plant) + instant(ts)
            + string(measurement) + string(unit) + decimal(value) + salt)

def salt(key, plant, ts, measurement):
    msg = string("EC/salt/v1") + string(plant) + instant(ts) + string(measurement)
    return hmac.new(key, msg, hashlib.sha256).digest()[:16]

def day_leaf(group, plant, day, count, root):
    return string("EC/day/v1") + string(HASH) + string(group) + string(plant) + date_(day) + i32(count) + root

def plant_leaf(group, plant, start, end, days, root):
    return (string("EC/plant/v1") + string(HASH) + string(group) + string(plant) + date_(start) + date_(end)
            + i32(days) + root)

def show(name, b): print(f"{name} = {b.hex()}")

if __name__ == "__main__":
    show("decimal(1234.50)", decimal("1234.50"))
    show("decimal(-0.001)", decimal("-0.001"))
    show("decimal(0.000)", decimal("0.000"))
    show("decimal(128)", decimal("128"))
    fixed_salt = bytes(range(16))
    r = reading_leaf("G1", "G1-W001", "2026-01-01T00:15:00Z", "active_power", "kW", "1234.50", fixed_salt)
    show("readingLeaf", r)
    show("readingLeafHash", leaf_hash(r))
    key = bytes(range(32))
    show("salt", salt(key, "G1-W001", "2026-01-01T00:15:00Z", "active_power"))
    show("dayLeaf", day_leaf("G1", "G1-W001", "2026-01-01", 96, b"\x11" * 32))
    show("plantLeaf", plant_leaf("G1", "G1-W001", "2026-01-01", "2026-02-01", 31, b"\x22" * 32))
    # a whole tiny group: plants G1-A and G1-B, one day 2026-01-01, readings at 00:00 and 00:15 (power and energy)
    plants = []
    for p, base in (("G1-A", 10), ("G1-B", 20)):
        leaves = []
        for i, ts in enumerate(("2026-01-01T00:00:00Z", "2026-01-01T00:15:00Z")):
            for m, u, v in (("active_power", "kW", base + i), ("energy", "kWh", (base + i) / 4)):
                leaves.append(reading_leaf("G1", p, ts, m, u, str(v), salt(key, p, ts, m)))
        daily = mth(leaves)
        period = mth([day_leaf("G1", p, "2026-01-01", len(leaves), daily)])
        plants.append(plant_leaf("G1", p, "2026-01-01", "2026-01-02", 1, period))
        show(f"dailyRoot[{p}]", daily)
        show(f"periodRoot[{p}]", period)
    show("groupRoot", mth(plants))


# --- ledger (docs/ledger.md) ---------------------------------------------------------------------
def bool_(b): return b"\x01" if b else b"\x00"

def tx_payload(chain, sender, nonce, contract, method, args):
    return (string("EC/tx/v1") + string(chain) + string(sender) + i64(nonce) + string(contract) + string(method)
            + bytes_(args))

def tx_encoding(payload, signature): return bytes_(payload) + bytes_(signature)

def block_header(chain, height, prev, tx_root, results_root, state_root, time_iso, proposer, count):
    return (string("EC/block/v1") + string(chain) + i64(height) + prev + tx_root + results_root + state_root
            + instant(time_iso) + string(proposer) + i32(count))

def result(code, message, events):
    out = string("EC/result/v1") + i32(code) + string(message) + i32(len(events))
    for t, d in events: out += string(t) + bytes_(d)
    return out

def state_commitment(prev_root, changes):
    out = string("EC/state/v1") + prev_root + i32(len(changes))
    for k in sorted(changes, key=lambda k: k.encode("utf-8")):
        v = changes[k]
        out += string(k) + bool_(v is not None) + (bytes_(v) if v is not None else b"")
    return H(out)

if __name__ == "__main__":
    p = tx_payload("regulatory", "G1", 7, "regulatory-filing", "file", bytes([1, 2, 3]))
    show("txPayload", p)
    e = tx_encoding(p, bytes([0xaa] * 4))
    show("txEncoding", e)
    show("txId", H(e))
    show("resultOk", result(0, "", [("put", b"a=1")]))
    init = H(string("EC/state/v1") + b"\x33" * 32)
    show("initialStateRoot(genesis=33..)", init)
    show("stateRoot1", state_commitment(init, {"kv/a": b"1", "_nonce/g1": i64(1), "kv/gone": None}))
    show("blockHeader", block_header("regulatory", 1, b"\x01" * 32, b"\x02" * 32, b"\x03" * 32, b"\x04" * 32,
                                     "2026-06-01T00:01:00Z", "reg", 2))

# --- genesis (docs/ledger.md, EC/genesis/v2) --------------------------------------------------------------
def genesis(chain, suite, private, time_iso, members, nodes, validators, contracts, limits):
    out = string("EC/genesis/v2") + string(chain) + string(suite) + bool_(private) + instant(time_iso)
    out += i32(len(members))
    for mid, roles, scheme, key in sorted(members, key=lambda m: m[0]):
        out += string(mid) + i32(len(roles)) + b"".join(string(r) for r in sorted(roles)) + string(scheme) + bytes_(key)
    out += i32(len(nodes))
    for nid, org, scheme, key, cert, address, api in sorted(nodes, key=lambda n: n[0]):
        out += string(nid) + string(org) + string(scheme) + bytes_(key) + bytes_(cert) + string(address) + string(api)
    out += i32(len(validators))
    for nid, power in sorted(validators):
        out += string(nid) + i64(power)
    out += i32(len(contracts)) + b"".join(string(c) for c in sorted(contracts))
    txs, block_bytes, tx_bytes, mempool, interval_ms = limits
    return out + i32(txs) + i32(block_bytes) + i32(tx_bytes) + i32(mempool) + i64(interval_ms)

if __name__ == "__main__":
    g = genesis("regulatory", "sha256-ed25519", False, "2026-06-01T00:00:00Z",
                [("REG", ["regulator"], "Ed25519", b"\x22" * 32), ("G1", ["group"], "Ed25519", b"\x11" * 32)],
                [("REG-1", "REG", "Ed25519", b"\x33" * 32, b"\xde\xad", "127.0.0.1:9001", "https://127.0.0.1:8645")],
                [("REG-1", 10)], ["regulatory-filing"], (2000, 8 << 20, 64 << 10, 50000, 200))
    show("genesis", g)
    show("genesisHash", H(g))

# --- finality (docs/network.md): vote target, signed vote, certificate, log entry ---------------------------
def vote_target(chain, height, block_hash, results_root, state_root):
    return string("EC/vote/v1") + string(chain) + i64(height) + block_hash + results_root + state_root

def certificate(target, signatures):
    out = string("EC/cert/v1") + target + i32(len(signatures))
    for node, sig in sorted(signatures):
        out += string(node) + bytes_(sig)
    return out

def log_entry(kind, payload):
    return string("EC/entry/v1") + bytes([kind]) + bytes_(payload)

if __name__ == "__main__":
    t = vote_target("trading", 7, b"\x07" * 32, b"\x08" * 32, b"\x09" * 32)
    show("voteTarget", t)
    show("certificate", certificate(t, [("PLAT-1", b"\xbb" * 4), ("G1-1", b"\xaa" * 4), ("G2-1", b"\xcc" * 4)]))
    show("signedVote", string("EC/signedvote/v1") + t + string("G1-1") + bytes_(b"\xaa" * 4))
    show("logEntry(vote)", log_entry(2, b"\x01\x02"))

# --- roster (docs/network.md "Encodings"): the validators contract's change, roster and roster-at ----------
def roster_change_add(nid, org, scheme, key, cert, address, api, power):
    return (string("EC/roster-change/v1") + string("add") + string(nid) + string(org) + string(scheme) + bytes_(key)
            + bytes_(cert) + string(address) + string(api) + i64(power))

def roster(nodes, validators):
    out = i32(len(nodes))
    for nid, org, scheme, key, cert, address, api in sorted(nodes, key=lambda n: n[0]):
        out += string(nid) + string(org) + string(scheme) + bytes_(key) + bytes_(cert) + string(address) + string(api)
    out += i32(len(validators))
    for nid, power in sorted(validators):
        out += string(nid) + i64(power)
    return out

if __name__ == "__main__":
    n = ("G1-2", "G1", "Ed25519", b"\x11" * 32, b"\x22" * 3, "127.0.0.1:7000", "")
    show("rosterChange(add)", roster_change_add(*n, 1))
    show("rosterChange(remove)", string("EC/roster-change/v1") + string("remove") + string("PLAT-2"))
    show("rosterAt", string("EC/roster-at/v1") + i64(5) + roster([n], [("G1-2", 1)]))

# --- content root (Hash(D1)): RFC 9162 tree over 4096-byte chunks -----------------------------------------
def content_root(b):
    return mth([b[i:i + 4096] for i in range(0, len(b), 4096)])

if __name__ == "__main__":
    show("contentRoot(empty)", content_root(b""))
    show("contentRoot(hello)", content_root(b"hello"))
    show("contentRoot(10000 x i mod 251)", content_root(bytes(i % 251 for i in range(10000))))
