#!/usr/bin/env bash
# Starts a throwaway Redis on loopback without persistence (source it).
set -euo pipefail
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( (RANDOM % 20000) + 30000 ))
    (echo >/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo $p; return; }
  done
  echo 56379
}
REDIS_PORT="${REDIS_PORT:-$(free_port)}"
command -v redis-server >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }
REDIS_DIR="$(mktemp -d /tmp/q11redis.XXXXXX)"
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --dir "$REDIS_DIR" \
  --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" --protected-mode yes
for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
export REDIS_DIR REDIS_PORT REDIS_CONN="127.0.0.1:$REDIS_PORT"
echo "Redis up on $REDIS_CONN"
