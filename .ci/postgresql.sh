#!/usr/bin/env bash
# Best effort, never fails the run: PostgreSQL server programs for the KME's PostgreSQL store tests, which are
# skipped (with the reason shown) when initdb/pg_ctl are missing. Debian puts them in /usr/lib/postgresql/NN/bin.
# Cost measured on Debian 12: apt-get update 4 s, download 51 MB 8 s, unpack 9 s, about 30 s in all.
# No default cluster is created: the tests start their own throw-away server and stop it.
set -u
if command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "note: PostgreSQL is not installed and cannot be (needs root and apt-get); its KME store tests will be skipped" >&2
  exit 0
fi
mkdir -p /etc/postgresql-common
echo "create_main_cluster = false" >> /etc/postgresql-common/createcluster.conf
export DEBIAN_FRONTEND=noninteractive
started=$(date +%s)
if timeout 300 apt-get update -qq && timeout 600 apt-get install -y -qq --no-install-recommends \
     -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold postgresql >/dev/null; then
  echo "PostgreSQL installed for the KME store tests in $(( $(date +%s) - started )) s" >&2
else
  echo "warning: installing PostgreSQL failed; the KME's PostgreSQL store tests will be skipped" >&2
fi
exit 0
