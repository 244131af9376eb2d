#!/usr/bin/env bash
# Two (or N) stateless `gongkai serve` instances on one PostgreSQL behind HAProxy, on this machine.
#
#   scripts/cluster.sh                       # instances on 3101, 3102; proxy on 3100; database gongkai_cluster
#   CLUSTER_N=3 CLUSTER_PROXY_PORT=8080 GONGKAI_DB=postgres://127.0.0.1:5432/mydb scripts/cluster.sh
#
# Stops everything it started on Ctrl-C. Writes pids and logs under $CLUSTER_DIR (default /tmp/gongkai-cluster).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${CLUSTER_N:-2}
PROXY_PORT=${CLUSTER_PROXY_PORT:-3100}
BASE_PORT=${CLUSTER_BASE_PORT:-$((PROXY_PORT + 1))}
DIR=${CLUSTER_DIR:-/tmp/gongkai-cluster}
export GONGKAI_DB=${GONGKAI_DB:-postgres://127.0.0.1:5432/gongkai_cluster}
# the instances see the proxy's address: trust it for X-Forwarded-For (rate limits count the client, not the proxy)
export GONGKAI_TRUSTED_PROXIES=${GONGKAI_TRUSTED_PROXIES:-127.0.0.1}
command -v haproxy >/dev/null || { echo "haproxy 未安装：apt-get install haproxy" >&2; exit 1; }
mkdir -p "$DIR"
# CLUSTER_BIN: another build's entry (bench/cluster/killOne.ts builds its own); else dist/, built when missing
BIN=${CLUSTER_BIN:-bin/gongkai.js}
[ -n "${CLUSTER_BIN:-}" ] || [ -f dist/cli/main.js ] || node scripts/build.mjs

# the database, created when missing (a postgres:// URL; its name is the path)
db_name=$(node -e 'console.log(new URL(process.argv[1]).pathname.slice(1))' "$GONGKAI_DB")
db_server=$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/postgres"; console.log(u.toString())' "$GONGKAI_DB")
psql "$db_server" -tAc "select 1 from pg_database where datname = '$db_name'" | grep -q 1 || psql "$db_server" -c "create database \"$db_name\"" >/dev/null
# one migration before the instances start (each would otherwise race to migrate on first start)
node "$BIN" migrate >"$DIR/migrate.log" 2>&1
# and the demo, once, before them (CLUSTER_DEMO=0: none): instances never load it themselves
[ "${CLUSTER_DEMO:-1}" = 0 ] || node "$BIN" demo >>"$DIR/migrate.log" 2>&1
pids=()
servers=""
for i in $(seq 1 "$N"); do
  port=$((BASE_PORT + i - 1))
  PORT=$port node "$BIN" serve --no-demo --port "$port" >"$DIR/instance$i.log" 2>&1 &
  pids+=($!)
  echo $! >"$DIR/instance$i.pid"
  servers+="  server i$i 127.0.0.1:$port check"$'\n'
done
sed -e "s/@PROXY_PORT@/$PROXY_PORT/" "bench/cluster/haproxy.cfg.tpl" | awk -v s="$servers" '{ if ($0 == "@SERVERS@") printf "%s", s; else print }' >"$DIR/haproxy.cfg"
for i in $(seq 1 "$N"); do
  port=$((BASE_PORT + i - 1))
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
done
haproxy -f "$DIR/haproxy.cfg" -db >"$DIR/haproxy.log" 2>&1 &
pids+=($!)
echo $! >"$DIR/haproxy.pid"
cleanup() { kill "${pids[@]}" 2>/dev/null || true; }
trap cleanup INT TERM EXIT
for _ in $(seq 1 40); do curl -fs "http://127.0.0.1:$PROXY_PORT/healthz" >/dev/null 2>&1 && break; sleep 0.25; done
echo "gongkai 集群已启动：http://127.0.0.1:$PROXY_PORT/ （$N 个实例，端口 $BASE_PORT 起；数据库 $GONGKAI_DB）"
wait
