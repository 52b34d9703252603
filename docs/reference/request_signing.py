#!/usr/bin/env python3
"""Independent recomputation of the signed-request golden vector of docs/api.md ("Request signing"),
written from the specification only: canonical encoding of the signed message (tag EC/http/v2) and its
Ed25519 signature (RFC 8032, through the openssl command line). Prints the lines of the vector."""
import base64, hashlib, os, struct, subprocess, tempfile

def u32(n): return struct.pack(">I", n)
def i64(n): return struct.pack(">q", n)
def string(s): b = s.encode("utf-8"); return u32(len(b)) + b
def bytes_(b): return u32(len(b)) + b

seed = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")  # RFC 8032 test 1
method, path, query = "POST", "/chains/business-g1/query", ""
chain, genesis, node, member = "business-g1", bytes(range(0x20, 0x40)), "G1", "G1"
time, nonce = 1780315200000, bytes(range(0x00, 0x10))  # 2026-06-01T12:00:00Z
body = b'{"contract":"period-anchor","method":"latest","args":""}'

digest = hashlib.sha256(body).digest()
message = (string("EC/http/v2") + string(method) + string(path) + string(query) + string(chain) + bytes_(genesis)
           + string(node) + string(member) + i64(time) + nonce + digest)

with tempfile.TemporaryDirectory() as d:
    key, msg = os.path.join(d, "key.pem"), os.path.join(d, "msg.bin")
    der = bytes.fromhex("302e020100300506032b657004220420") + seed  # PKCS#8 wrapping of an Ed25519 seed
    with open(key, "w") as f:
        f.write("-----BEGIN PRIVATE KEY-----\n" + base64.b64encode(der).decode() + "\n-----END PRIVATE KEY-----\n")
    with open(msg, "wb") as f:
        f.write(message)
    signature = subprocess.run(["openssl", "pkeyutl", "-sign", "-inkey", key, "-rawin", "-in", msg],
                               capture_output=True, check=True).stdout

for k, v in [("seed", seed.hex()), ("method", method), ("path", path), ("query", query), ("chain", chain),
             ("genesis", genesis.hex()), ("node", node), ("member", member), ("time", str(time)),
             ("nonce", nonce.hex()), ("body", body.decode()), ("body-sha256", digest.hex()),
             ("message", message.hex()), ("signature", signature.hex())]:
    print(f"{k:<11} {v}".rstrip())
