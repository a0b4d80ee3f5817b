#!/bin/bash
# Start-up of the provisioned server on a copy of a data directory, timed from its log:
# "Starting deployment" to "Deployed", when Weld started, the ledger's own load time, the server's "started in", and
# the server's CPU time (user + system) until then.
# usage: docs/bench/deploy-time.sh DATA_DIR [JAVA_HOME] ["extra JVM options"]
# e.g.   docs/bench/deploy-time.sh /tmp/data1m /usr/lib/jvm/java-17-openjdk-amd64 "-XX:+AlwaysPreTouch -XX:+UseTransparentHugePages"
# WAR=file deploys another build of the WAR; KEEP_LOG=1 keeps the server's log as /tmp/last-deploy.log.
# HEAP and METASPACE default to the server options the README gives for a million appointments; METASPACE= leaves the
# JVM's metaspace threshold at its default (about 21 MB).
# Needs ./mvnw package first (target/server and target/appointments.war); stops any server this machine runs.
set -eu
data=$1
java_home=${2:-${JAVA_HOME:-}}
extra=${3:-}
heap=${HEAP:--Xms2g -Xmx2g}
metaspace=${METASPACE--XX:MetaspaceSize=256m}
cd "$(dirname "$0")/../.."
server=target/server
log=$server/standalone/log/server.log
run=$(mktemp -d /tmp/deploy-time.XXXXXX)

pkill -9 -f jboss-modules || true
sleep 1
cp -a "$data"/. "$run"/     # -a: the binary cache names the JSON snapshots by size and time
sync                        # the copy's writes, not the start-up's, stay out of the figures
rm -f $server/standalone/deployments/*.war*
cp "${WAR:-target/appointments.war}" $server/standalone/deployments/appointments.war
rm -f $log
JAVA_HOME=$java_home JAVA_OPTS="$heap $metaspace $extra" APPOINTMENTS_DATA_DIR=$run \
    ADMIN_REGISTRATION_CODE=deploy-time-admin-code $server/bin/standalone.sh > "$run.out" 2>&1 &
for _ in $(seq 1 3000); do
    sleep 0.1
    grep -q 'WFLYSRV0025\|WFLYSRV0026' $log 2>/dev/null && break
done
# the server's CPU time until it started (user + system), steadier than the wall time on a shared machine
pid=$(pgrep -f jboss-modules | head -1)
cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' /proc/$pid/stat)
started=$(grep -m1 'Starting deployment of "appointments.war"' $log | cut -c12-23)
deployed=$(grep -m1 'Deployed "appointments.war"' $log | cut -c12-23)
weld=$(grep -m1 'WFLYWELD0003' $log | cut -c12-23)
load=$(grep -m1 -o 'Ledger loaded from .*, in [0-9]* ms' $log | grep -o '[0-9]* ms$' || echo '? ms')
server_start=$(grep -m1 'WFLYSRV0025\|WFLYSRV0026' $log | grep -o 'started in [0-9]*ms')
python3 -c "
def t(x):
    h, m, s = x.replace(',', '.').split(':')
    return int(h) * 3600 + int(m) * 60 + float(s)
print('deploy %.1f s (Weld after %.1f s, ledger load $load), server %s, CPU $cpu s' % (t('$deployed') - t('$started'),
                                                                        t('$weld') - t('$started'), '$server_start'))"
[ -n "${KEEP_LOG:-}" ] && cp $log /tmp/last-deploy.log; pkill -f jboss-modules || true
sleep 3
pkill -9 -f jboss-modules || true
rm -rf "$run" "$run.out"
rm -f $server/standalone/deployments/*.war*
