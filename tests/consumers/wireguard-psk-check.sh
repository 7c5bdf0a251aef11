#!/bin/bash
# By-hand check of the WireGuard recipe in docs/qkd-consumers.md (needs root: network namespaces, TUN devices;
# and wireguard-go, wg, python3). Not run by ./test.sh or CI. Two KMEs (`quanet kme serve`, linked, SQLite) on
# 127.0.0.1; two wireguard-go peers in namespaces qpa (SAE_A) and qpb (SAE_B) joined by a veth pair; each end
# fetches its preshared key from its own KME by key_ID (`quanet kme psk --format wireguard --out FILE`).
# Checks: mismatched keys give no handshake; the same key gives one; 1 MiB crosses the tunnel byte for byte.
# Usage: QUANET="dotnet src/Quanet.Cli/bin/Release/net10.0/quanet.dll" tests/consumers/wireguard-psk-check.sh
set -euo pipefail
umask 077
Q=${QUANET:-quanet}
W=$(mktemp -d /tmp/quanet-wg-XXXXXX)
KMES=()
cleanup() {
  for pid in "${KMES[@]}"; do kill "$pid" 2>/dev/null || true; done
  ip -n qpa link del wgpa 2>/dev/null || true; ip -n qpb link del wgpb 2>/dev/null || true
  ip netns del qpa 2>/dev/null || true; ip netns del qpb 2>/dev/null || true
  rm -rf "$W"
}
trap cleanup EXIT
cd "$W"
$Q kme certs --out certs --kme KME_A --kme KME_B --sae SAE_A --sae SAE_B > /dev/null
for s in A:B:18543:18544 B:A:18544:18543; do
  IFS=: read -r me peer port pport <<< "$s"
  head -c 32 /dev/urandom | base64 > "kme-$me.storekey"
  cat > "kme-$me.json" <<JSON
{ "Kme": { "KmeId": "KME_$me", "Listen": "127.0.0.1:$port",
  "CaCertificate": "certs/ca.crt", "Certificate": "certs/KME_$me.crt", "PrivateKey": "certs/KME_$me.key",
  "Saes": [ { "Id": "SAE_A", "Kme": "KME_A" }, { "Id": "SAE_B", "Kme": "KME_B" } ],
  "PeerKmeId": "KME_$peer", "PeerUrl": "https://127.0.0.1:$pport",
  "StorePath": "kme-$me.db", "StoreKeyFile": "kme-$me.storekey", "Supply": { "Mode": "qkd", "LinkLengthKm": 25 } } }
JSON
  $Q kme serve --config "kme-$me.json" > "kme-$me.log" 2>&1 &
  KMES+=($!)
done
A="--url https://127.0.0.1:18543 --certs certs --as SAE_A"
B="--url https://127.0.0.1:18544 --certs certs --as SAE_B"
until $Q kme status SAE_B $A --json > /dev/null 2>&1; do sleep 1; done
sleep 2

ip netns add qpa; ip netns add qpb
ip link add vpa type veth peer name vpb
ip link set vpa netns qpa; ip link set vpb netns qpb
ip -n qpa addr add 192.168.78.1/24 dev vpa; ip -n qpa link set vpa up
ip -n qpb addr add 192.168.78.2/24 dev vpb; ip -n qpb link set vpb up
wg genkey > a.key; wg pubkey < a.key > a.pub; wg genkey > b.key; wg pubkey < b.key > b.pub
ip netns exec qpa wireguard-go wgpa > /dev/null 2>&1; ip netns exec qpb wireguard-go wgpb > /dev/null 2>&1
ip netns exec qpa wg set wgpa private-key a.key listen-port 51830 peer "$(cat b.pub)" endpoint 192.168.78.2:51831 allowed-ips 10.9.1.2/32
ip netns exec qpb wg set wgpb private-key b.key listen-port 51831 peer "$(cat a.pub)" endpoint 192.168.78.1:51830 allowed-ips 10.9.1.1/32
ip -n qpa addr add 10.9.1.1/24 dev wgpa; ip -n qpa link set wgpa up
ip -n qpb addr add 10.9.1.2/24 dev wgpb; ip -n qpb link set wgpb up
handshake() { ip netns exec qpa wg show wgpa latest-handshakes | awk '{print $2}'; }
poke() { ip netns exec qpa bash -c 'echo x > /dev/udp/10.9.1.2/9'; }

# site A makes two keys; site B fetches both by key_ID (the ssh hop of the recipe is a local call here)
read -r ID1 PARTS < <($Q kme psk SAE_B --format wireguard --out a-1.psk $A)
read -r ID2 _ < <($Q kme psk SAE_B --format wireguard --out a-2.psk $A)
$Q kme psk SAE_A --key-id "$ID1" --format wireguard --out b-1.psk $B > /dev/null
$Q kme psk SAE_A --key-id "$ID2" --format wireguard --out b-2.psk $B > /dev/null
cmp a-1.psk b-1.psk
echo "key $ID1 ($PARTS): the same at both ends, file mode $(stat -c %a b-1.psk)"

ip netns exec qpa wg set wgpa peer "$(cat b.pub)" preshared-key a-1.psk
ip netns exec qpb wg set wgpb peer "$(cat a.pub)" preshared-key b-2.psk
poke; sleep 4
[ "$(handshake)" = 0 ] || { echo "FAIL: handshake with mismatched preshared keys"; exit 1; }
echo "mismatched preshared keys: no handshake"

ip netns exec qpb wg set wgpb peer "$(cat a.pub)" preshared-key b-1.psk
for _ in $(seq 10); do poke; sleep 2; [ "$(handshake)" != 0 ] && break; done
[ "$(handshake)" != 0 ] || { echo "FAIL: no handshake with the same preshared key"; exit 1; }
echo "same preshared key: handshake"

head -c 1048576 /dev/urandom > file.bin
ip netns exec qpb python3 -c "
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('10.9.1.2', 9000)); s.listen(1)
c, _ = s.accept(); f = open('recv.bin', 'wb')
while (d := c.recv(65536)): f.write(d)
f.close()" &
sleep 1
ip netns exec qpa python3 -c "
import socket; s = socket.create_connection(('10.9.1.2', 9000)); s.sendall(open('file.bin', 'rb').read()); s.close()"
wait $!
cmp file.bin recv.bin
echo "1 MiB through the tunnel: byte for byte"
echo "PASS"
