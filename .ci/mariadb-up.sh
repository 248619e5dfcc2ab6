#!/usr/bin/env bash
# Makes a MariaDB server answer on 127.0.0.1:3306 and prints the account the integration tests should use,
# as shell assignments (IT_DB_USER=..., IT_DB_PASSWORD=...). Copes with MariaDB running, stopped, or not
# installed, and with root allowed over TCP or only through the unix socket (Debian's default).
set -euo pipefail

log() { echo "mariadb-up: $*" >&2; }

tcp_root_works() { mariadb --protocol=TCP -h127.0.0.1 -P3306 -uroot -e 'SELECT 1' >/dev/null 2>&1; }
server_answers() { mariadb-admin --protocol=TCP -h127.0.0.1 -P3306 ping >/dev/null 2>&1 || mariadb-admin ping >/dev/null 2>&1; }

if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
  log "MariaDB is not installed: installing it"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq mariadb-server >&2
fi

if ! server_answers; then
  log "MariaDB is not running: starting it"
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  start-stop-daemon --start --oknodo --background --chuid mysql --exec /usr/sbin/mariadbd -- --user=mysql >&2
  for _ in $(seq 1 60); do server_answers && break; sleep 0.5; done
  server_answers || { log "MariaDB did not start"; exit 1; }
fi

if tcp_root_works; then
  echo "IT_DB_USER=root"
  echo "IT_DB_PASSWORD="
  exit 0
fi

# root only through the socket: create a dedicated account for the tests, with a fresh random password.
password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
mariadb -uroot <<SQL
CREATE USER IF NOT EXISTS 'auth_it'@'%' IDENTIFIED BY '${password}';
ALTER USER 'auth_it'@'%' IDENTIFIED BY '${password}';
GRANT ALL PRIVILEGES ON \`auth\\_it\\_%\`.* TO 'auth_it'@'%';
FLUSH PRIVILEGES;
SQL
log "created the test account auth_it"
echo "IT_DB_USER=auth_it"
echo "IT_DB_PASSWORD=${password}"
