// Interoperability peer for Quanet.Security: an independent JavaScript implementation of
// ML-KEM (FIPS 203), ML-DSA (FIPS 204) and X25519MLKEM768 (draft-ietf-tls-ecdhe-mlkem),
// built on @noble/post-quantum and @noble/curves.
//
// Usage: node interop.mjs < requests.json > responses.json
// Input: a JSON array of requests {"op": ..., ...} with byte strings in lower-case hex.
// Output: a JSON array with one response object per request, in order.
import { ml_kem512, ml_kem768, ml_kem1024 } from '@noble/post-quantum/ml-kem.js';
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { readFileSync } from 'node:fs';

const kems = { 'ML-KEM-512': ml_kem512, 'ML-KEM-768': ml_kem768, 'ML-KEM-1024': ml_kem1024 };
const dsas = { 'ML-DSA-44': ml_dsa44, 'ML-DSA-65': ml_dsa65, 'ML-DSA-87': ml_dsa87 };
const bytes = (hex) => Uint8Array.from(Buffer.from(hex ?? '', 'hex'));
const hex = (b) => Buffer.from(b).toString('hex');
const concat = (a, b) => { const r = new Uint8Array(a.length + b.length); r.set(a); r.set(b, a.length); return r; };

function kem(name) { const k = kems[name]; if (!k) throw new Error(`unknown KEM ${name}`); return k; }
function dsa(name) { const d = dsas[name]; if (!d) throw new Error(`unknown DSA ${name}`); return d; }

const ops = {
  'kem-keygen': (r) => { const k = kem(r.set).keygen(r.seed ? bytes(r.seed) : undefined); return { ek: hex(k.publicKey), dk: hex(k.secretKey) }; },
  'kem-encaps': (r) => { const e = kem(r.set).encapsulate(bytes(r.ek), r.m ? bytes(r.m) : undefined); return { ct: hex(e.cipherText), ss: hex(e.sharedSecret) }; },
  'kem-decaps': (r) => ({ ss: hex(kem(r.set).decapsulate(bytes(r.ct), bytes(r.dk))) }),
  'dsa-keygen': (r) => { const k = dsa(r.set).keygen(r.seed ? bytes(r.seed) : undefined); return { pk: hex(k.publicKey), sk: hex(k.secretKey) }; },
  'dsa-sign': (r) => ({ sig: hex(dsa(r.set).sign(bytes(r.msg), bytes(r.sk), { context: bytes(r.ctx), extraEntropy: r.deterministic ? false : undefined })) }),
  'dsa-verify': (r) => ({ ok: dsa(r.set).verify(bytes(r.sig), bytes(r.msg), bytes(r.pk), { context: bytes(r.ctx) }) }),
  // X25519MLKEM768 client share = ML-KEM-768 ek (1184) || X25519 public key (32)
  'hybrid-client': () => {
    const k = ml_kem768.keygen();
    const priv = x25519.utils.randomSecretKey();
    return { share: hex(concat(k.publicKey, x25519.getPublicKey(priv))), dk: hex(k.secretKey), x25519: hex(priv) };
  },
  // server share = ML-KEM-768 ciphertext (1088) || X25519 public key (32); secret = ML-KEM ss || X25519 ss
  'hybrid-server': (r) => {
    const share = bytes(r.clientShare);
    if (share.length !== 1216) throw new Error(`client share must be 1216 bytes, got ${share.length}`);
    const e = ml_kem768.encapsulate(share.subarray(0, 1184));
    const priv = x25519.utils.randomSecretKey();
    const ecdh = x25519.getSharedSecret(priv, share.subarray(1184));
    return { share: hex(concat(e.cipherText, x25519.getPublicKey(priv))), secret: hex(concat(e.sharedSecret, ecdh)) };
  },
  'hybrid-complete': (r) => {
    const share = bytes(r.serverShare);
    if (share.length !== 1120) throw new Error(`server share must be 1120 bytes, got ${share.length}`);
    const ss = ml_kem768.decapsulate(share.subarray(0, 1088), bytes(r.dk));
    return { secret: hex(concat(ss, x25519.getSharedSecret(bytes(r.x25519), share.subarray(1088)))) };
  },
};

const requests = JSON.parse(readFileSync(0, 'utf8'));
const responses = requests.map((r) => {
  const op = ops[r.op];
  if (!op) return { error: `unknown op ${r.op}` };
  try { return op(r); } catch (e) { return { error: String(e.message ?? e) }; }
});
process.stdout.write(JSON.stringify(responses));
