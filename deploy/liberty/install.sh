#!/bin/sh
# Installs the Sentinel auth service into an existing Open Liberty server, as README.md's section
# "Deploying the EAR to an existing Open Liberty" describes:
#   deploy/liberty/install.sh SERVER_DIR [EAR [JDBC_DIR]]
# SERVER_DIR is the server's folder (wlp/usr/servers/<name>); EAR and JDBC_DIR default to what
# `mvn package` wrote (auth-ear/target/auth-ear.ear and auth-ear/target/jdbc). It copies the kit to
# SERVER_DIR/auth, the JDBC drivers to SERVER_DIR/auth/jdbc, the EAR to SERVER_DIR/apps, and includes the kit
# from server.xml. It changes nothing else: the server keeps its ports, keystore, LTPA keys and server.env.
set -eu

kit=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$kit/../.." && pwd)
server=${1:?usage: install.sh SERVER_DIR [EAR [JDBC_DIR]]}
ear=${2:-$repo/auth-ear/target/auth-ear.ear}
jdbc=${3:-$repo/auth-ear/target/jdbc}

fail() { echo "install.sh: $*" >&2; exit 1; }

[ -f "$server/server.xml" ] || fail "no server.xml in $server"
[ -f "$ear" ] || fail "no EAR at $ear: run mvn package first"
ls "$jdbc"/h2*.jar "$jdbc"/mariadb-java-client*.jar >/dev/null 2>&1 || fail "no JDBC drivers in $jdbc: run mvn package first"

# Features of Java EE 8 / Jakarta EE 9 / MicroProfile 5 and older cannot start next to the kit's EE 10 ones
# (CWWKF0033E). Liberty would only log it; say it here, before anything is copied.
old='jsp-2\.[23]|pages-3\.0|servlet-(3\.1|4\.0|5\.0)|jaxrs-|restfulWS-3\.0|cdi-(1\.2|2\.0|3\.0)|jpa-|persistence-3\.0'
old="$old"'|jsonb-(1\.0|2\.0)|jsonp-(1\.[01]|2\.0)|beanValidation-(1\.1|2\.0)|concurrent-(1\.0|2\.0)|javaee-|jakartaee-9'
old="$old"'|webProfile-(7|8|9)|microProfile-[1-5]\.|mpJwt-(1\.|2\.0)|mpConfig-(1\.|2\.|3\.0)|mpHealth-[1-3]\.|mpMetrics-[1-4]\.|mpOpenAPI-(1\.|2\.|3\.0)'
conflicts=$(grep -oE "<feature>[[:space:]]*($old)[^<]*</feature>" "$server/server.xml" | sed -E 's/<[^>]+>//g; s/[[:space:]]//g' || true)
[ -z "$conflicts" ] || fail "server.xml enables $(echo $conflicts): remove them or use their Jakarta EE 10 versions (jsp-2.3 -> pages-3.1, servlet-4.0 -> servlet-6.0, ...)"

mkdir -p "$server/auth/jdbc" "$server/apps"
cp -R "$kit/config/auth/." "$server/auth/"
# exactly one driver of each kind: an older version left behind would be a second jar in the library
rm -f "$server/auth/jdbc"/h2*.jar "$server/auth/jdbc"/mariadb-java-client*.jar
cp "$jdbc"/h2*.jar "$jdbc"/mariadb-java-client*.jar "$server/auth/jdbc/"
cp "$ear" "$server/apps/auth-ear.ear"

include='<include location="${server.config.dir}/auth/auth-service.xml"/>'
if ! grep -qF "$include" "$server/server.xml"; then
  sed -i "s|</server>|    $include\n</server>|" "$server/server.xml"
fi
echo "installed into $server; set AUTH_* in $server/server.env (see $kit/server.env.example), then start the server"
