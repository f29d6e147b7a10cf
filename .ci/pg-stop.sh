#!/usr/bin/env bash
set -uo pipefail
[ -n "${PGROOT:-}" ] && [ -d "$PGROOT/data" ] || exit 0
cd /tmp
if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null
else "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null; fi
rm -rf "$PGROOT"
