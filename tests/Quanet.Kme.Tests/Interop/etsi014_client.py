#!/usr/bin/env python3
"""Independent ETSI GS QKD 014 V1.1.1 client (Python standard library only).

Usage: etsi014_client.py HOST PORT CA_PEM MASTER_CERT MASTER_KEY SLAVE_CERT SLAVE_KEY MASTER_ID SLAVE_ID

Runs Get status, Get key (POST enc_keys) and Get key with key IDs (POST dec_keys) with mutual TLS and
checks the documents against the field names of clauses 6.1 to 6.4. Prints one JSON line, exit 0 on success.
"""
import base64
import http.client
import json
import ssl
import sys
import uuid

STATUS_FIELDS = {"source_KME_ID", "target_KME_ID", "master_SAE_ID", "slave_SAE_ID", "key_size",
                 "stored_key_count", "max_key_count", "max_key_per_request", "max_key_size",
                 "min_key_size", "max_SAE_ID_count"}


def connect(host, port, ca, cert, key):
    context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=ca)
    context.load_cert_chain(cert, key)
    return http.client.HTTPSConnection(host, port, context=context, timeout=30)


def call(conn, method, path, body=None):
    headers = {"Accept": "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    payload = response.read()
    if response.status != 200:
        raise SystemExit(f"{method} {path}: HTTP {response.status}: {payload.decode(errors='replace')}")
    return json.loads(payload)


def main(argv):
    host, port, ca, m_cert, m_key, s_cert, s_key, master, slave = argv
    port = int(port)
    with_master = connect(host, port, ca, m_cert, m_key)
    status = call(with_master, "GET", f"/api/v1/keys/{slave}/status")
    missing = STATUS_FIELDS - set(status)
    if missing or status["master_SAE_ID"] != master or status["slave_SAE_ID"] != slave:
        raise SystemExit(f"bad Status document: missing {sorted(missing)}: {status}")
    container = call(with_master, "POST", f"/api/v1/keys/{slave}/enc_keys", {"number": 2, "size": 256})
    keys = container["keys"]
    if len(keys) != 2:
        raise SystemExit(f"expected 2 keys: {container}")
    for entry in keys:
        uuid.UUID(entry["key_ID"])
        if len(base64.b64decode(entry["key"], validate=True)) != 32:
            raise SystemExit(f"key is not 256 bits: {entry}")
    with_slave = connect(host, port, ca, s_cert, s_key)
    request = {"key_IDs": [{"key_ID": entry["key_ID"]} for entry in keys]}
    fetched = call(with_slave, "POST", f"/api/v1/keys/{master}/dec_keys", request)
    if [(k["key_ID"], k["key"]) for k in fetched["keys"]] != [(k["key_ID"], k["key"]) for k in keys]:
        raise SystemExit(f"dec_keys returned different keys: {fetched}")
    print(json.dumps({"ok": True, "stored_key_count": status["stored_key_count"],
                      "key_IDs": [k["key_ID"] for k in keys]}))


if __name__ == "__main__":
    main(sys.argv[1:])
