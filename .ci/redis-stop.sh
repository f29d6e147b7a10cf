#!/usr/bin/env bash
set -uo pipefail
[ -n "${REDIS_DIR:-}" ] && [ -f "$REDIS_DIR/redis.pid" ] || exit 0
pid="$(cat "$REDIS_DIR/redis.pid")"; kill "$pid" 2>/dev/null
for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
rm -rf "$REDIS_DIR"
