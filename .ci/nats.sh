#!/usr/bin/env bash
# Best effort, never fails the run: nats-server for the operations cluster's tests (JetStream ingestion log, VES
# collector), which are skipped (with the reason shown) when it is missing. Debian's package puts it in /usr/sbin.
# No service is started: the tests start their own servers on 127.0.0.1 and stop them.
set -u
if command -v nats-server >/dev/null 2>&1 || [ -x /usr/sbin/nats-server ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "note: nats-server is not installed and cannot be (needs root and apt-get); the operations cluster tests will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
started=$(date +%s)
if timeout 300 apt-get update -qq && timeout 600 apt-get install -y -qq --no-install-recommends \
     -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold nats-server >/dev/null; then
  # the package may enable a system service on the default port; the tests need none
  (command -v systemctl >/dev/null 2>&1 && systemctl disable --now nats-server >/dev/null 2>&1) || true
  echo "nats-server installed for the operations cluster tests in $(( $(date +%s) - started )) s" >&2
else
  echo "warning: installing nats-server failed; the operations cluster tests will be skipped" >&2
fi
exit 0
