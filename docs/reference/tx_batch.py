#!/usr/bin/env python3
"""Independent recomputation of the transaction-batch golden vector of docs/api.md ("Batch submission"),
written from the specification only: two transactions in their canonical encoding (docs/ledger.md: tag
EC/tx/v1 payload, Ed25519 signature through the openssl command line) framed as EC/txbatch/v1 (tag, i32
count, each transaction as bytes). Prints the lines of the vector."""
import base64, os, struct, subprocess, tempfile

def u32(n): return struct.pack(">I", n)
def i64(n): return struct.pack(">q", n)
def string(s): b = s.encode("utf-8"); return u32(len(b)) + b
def bytes_(b): return u32(len(b)) + b

seed = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")  # RFC 8032 test 1
chain, sender, contract, method = "trading", "B1", "kv", "put"
args = [b"a=1", b"b=2"]

def sign(message):
    with tempfile.TemporaryDirectory() as d:
        key, msg = os.path.join(d, "key.pem"), os.path.join(d, "msg.bin")
        der = bytes.fromhex("302e020100300506032b657004220420") + seed  # PKCS#8 wrapping of an Ed25519 seed
        with open(key, "w") as f:
            f.write("-----BEGIN PRIVATE KEY-----\n" + base64.b64encode(der).decode() + "\n-----END PRIVATE KEY-----\n")
        with open(msg, "wb") as f:
            f.write(message)
        return subprocess.run(["openssl", "pkeyutl", "-sign", "-inkey", key, "-rawin", "-in", msg],
                              capture_output=True, check=True).stdout

txs = []
for nonce, a in enumerate(args):
    payload = string("EC/tx/v1") + string(chain) + string(sender) + i64(nonce) + string(contract) + string(method) + bytes_(a)
    txs.append(bytes_(payload) + bytes_(sign(payload)))
batch = string("EC/txbatch/v1") + struct.pack(">i", len(txs)) + b"".join(bytes_(t) for t in txs)

for k, v in [("seed", seed.hex()), ("chain", chain), ("sender", sender), ("contract", contract), ("method", method),
             ("args0", args[0].decode()), ("args1", args[1].decode()), ("tx0", txs[0].hex()), ("tx1", txs[1].hex()),
             ("batch", batch.hex())]:
    print(f"{k:<9} {v}")
