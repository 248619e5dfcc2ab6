#!/usr/bin/env bash
# A three-node Galera cluster on loopback, for the *GaleraIT tests and for developers. Never touches the
# machine's MariaDB on 3306: each node has its own folder, socket and ports.
#
#   .ci/galera.sh start          install what is missing, bootstrap node 1, join 2 and 3; prints the account
#                                as shell assignments (GALERA_USER=..., GALERA_PASSWORD=..., GALERA_PORTS=...)
#   .ci/galera.sh stop           stop every node (the folder stays: start again bootstraps a fresh cluster)
#   .ci/galera.sh kill N         kill -9 node N (1-3), as a crash would
#   .ci/galera.sh restart N      bring node N back into the running cluster (by IST when it can)
#   .ci/galera.sh status         one line per node: port, state, cluster size
#
# Node i (1-3) listens on 13305+i (SQL: 13306-13308), 14566+i (group communication), 14576+i (IST) and
# 14586+i (SST by rsync).
# GALERA_DIR (default /tmp/sentinel-galera) holds node1..node3; GALERA_USER (default sentinel) is the account
# for the services and tests, with a random password kept in GALERA_DIR/password.
set -euo pipefail

DIR=${GALERA_DIR:-/tmp/sentinel-galera}
USER_NAME=${GALERA_USER:-sentinel}
NODES=(1 2 3)

log() { echo "galera: $*" >&2; }
node_dir() { echo "$DIR/node$1"; }
port() { echo $((13305 + $1)); }
gcomm_port() { echo $((14566 + $1)); }
ist_port() { echo $((14576 + $1)); }
sst_port() { echo $((14586 + $1)); }
sql() { # node, statement
  mariadb --no-defaults -uroot -S "$(node_dir "$1")/mysqld.sock" -N -B -e "$2"
}
state() { sql "$1" "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | awk '{print $2}'; }
pid_of() { cat "$(node_dir "$1")/node.pid" 2>/dev/null || true; }
alive() { # a killed node stays a zombie until it is reaped: that is not alive
  local pid
  pid=$(pid_of "$1")
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] && ! awk '{exit ($3 == "Z") ? 0 : 1}' "/proc/$pid/stat" 2>/dev/null
}

install_missing() {
  local missing=()
  [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
  [ -f /usr/lib/galera/libgalera_smm.so ] || missing+=(galera-4)
  command -v rsync >/dev/null 2>&1 || missing+=(rsync)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq "${missing[@]}" >&2
  fi
}

write_config() {
  local i=$1 d
  d=$(node_dir "$i")
  mkdir -p "$d/data"
  cat >"$d/my.cnf" <<CNF
[mysqld]
user=mysql
datadir=$d/data
socket=$d/mysqld.sock
pid-file=$d/mysqld.pid
log-error=$d/error.log
port=$(port "$i")
bind-address=127.0.0.1
skip-name-resolve
innodb_buffer_pool_size=64M
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
max_connections=200
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=sentinel_galera
wsrep_cluster_address=gcomm://127.0.0.1:14567,127.0.0.1:14568,127.0.0.1:14569
wsrep_node_name=node$i
wsrep_node_address=127.0.0.1
wsrep_node_incoming_address=127.0.0.1:$(port "$i")
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$(gcomm_port "$i");ist.recv_addr=127.0.0.1:$(ist_port "$i");gcache.size=64M"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$(sst_port "$i")
CNF
  chown -R mysql:mysql "$d"
}

wait_synced() { # node, seconds
  local i=$1 deadline=$((SECONDS + $2))
  while [ $SECONDS -lt "$deadline" ]; do
    [ "$(state "$i")" = "Synced" ] && return 0
    alive "$i" || { log "node $i exited:"; tail -n 30 "$(node_dir "$i")/error.log" >&2; return 1; }
    sleep 0.5
  done
  log "node $i not Synced after $2 s:"
  tail -n 30 "$(node_dir "$i")/error.log" >&2
  return 1
}

launch() { # node, extra options...
  local i=$1 d
  shift
  d=$(node_dir "$i")
  # setsid: the node outlives this script and the shell that started it
  setsid /usr/sbin/mariadbd --defaults-file="$d/my.cnf" "$@" </dev/null >>"$d/console.log" 2>&1 &
  echo $! >"$d/node.pid"
}

stop_node() {
  local i=$1 pid
  pid=$(pid_of "$i")
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
  log "node $i did not stop in 30 s: killing it"
  kill -9 "$pid" 2>/dev/null || true
}

start() {
  install_missing
  for i in "${NODES[@]}"; do stop_node "$i"; done
  rm -rf "$DIR"
  mkdir -p "$DIR"
  for i in "${NODES[@]}"; do
    write_config "$i"
    mariadb-install-db --defaults-file="$(node_dir "$i")/my.cnf" --skip-test-db --auth-root-authentication-method=socket \
      >"$(node_dir "$i")/install.log" 2>&1 || { cat "$(node_dir "$i")/install.log" >&2; exit 1; }
  done
  launch 1 --wsrep-new-cluster
  wait_synced 1 60
  local password
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
  echo "$password" >"$DIR/password"
  chmod 600 "$DIR/password"
  sql 1 "CREATE USER '$USER_NAME'@'127.0.0.1' IDENTIFIED BY '$password';
         GRANT ALL PRIVILEGES ON *.* TO '$USER_NAME'@'127.0.0.1'; FLUSH PRIVILEGES;"
  for i in 2 3; do
    launch "$i"
    wait_synced "$i" 120
  done
  log "cluster of $(sql 1 "SHOW STATUS LIKE 'wsrep_cluster_size'" | awk '{print $2}') nodes, SQL ports $(port 1),$(port 2),$(port 3)"
  account
}

account() {
  echo "GALERA_USER=$USER_NAME"
  echo "GALERA_PASSWORD=$(cat "$DIR/password")"
  echo "GALERA_PORTS=$(port 1),$(port 2),$(port 3)"
}

# A node that was killed restarts from its recovered position, so that it rejoins by IST (seconds) and not
# by a full state transfer.
restart_node() {
  local i=$1 d position
  d=$(node_dir "$i")
  alive "$i" && { log "node $i is running"; return 0; }
  position=$(/usr/sbin/mariadbd --defaults-file="$d/my.cnf" --wsrep-recover --log-error="$d/recover.log" >/dev/null 2>&1;
             grep -o 'Recovered position: .*' "$d/recover.log" | tail -n 1 | awk '{print $3}')
  rm -f "$d/recover.log"
  if [ -n "$position" ]; then
    launch "$i" --wsrep_start_position="$position"
  else
    launch "$i"
  fi
  wait_synced "$i" 120
  log "node $i rejoined (Synced)"
}

status() {
  for i in "${NODES[@]}"; do
    if alive "$i"; then
      echo "node$i port $(port "$i") $(state "$i") size $(sql "$i" "SHOW STATUS LIKE 'wsrep_cluster_size'" | awk '{print $2}')"
    else
      echo "node$i port $(port "$i") down"
    fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) for i in "${NODES[@]}"; do stop_node "$i"; done; log "stopped" ;;
  kill)
    pid=$(pid_of "${2:?node}")
    if alive "$2"; then kill -9 "$pid"; fi
    for _ in $(seq 1 40); do alive "$2" || break; sleep 0.25; done
    log "node $2 killed" ;;
  restart) restart_node "${2:?node}" ;;
  status) status ;;
  account) account ;;
  *) sed -n '2,16p' "$0" >&2; exit 2 ;;
esac
