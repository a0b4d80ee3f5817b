#!/usr/bin/env bash
# Runs the Gatling booking simulation against a running server and prints the server's CPU use: over the whole
# run, and over the booking flow alone (from the moment every patient has logged in), per request of that flow, with
# the part of it that the JIT's compiler threads took.
# Usage: docs/bench/load-run.sh ADMIN_CODE [users] [seconds] [generated doctors] [admins] [think ms]
# (admins: 1 by default, 0 measures the booking flow alone; think: a patient's pause after each page, 0 by default)
set -euo pipefail
code=${1:?usage: load-run.sh ADMIN_CODE [users] [seconds] [generated doctors] [admins]}
users=${2:-64}
seconds=${3:-60}
doctors=${4:-0}
admins=${5:-1}
think=${6:-0}
pid=$(pgrep -f 'jboss-modules.jar' | head -1)
# measured once the server reports ready: after its own warm-up (appointments.warm-up-seconds)
for _ in $(seq 1 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${MANAGEMENT_PORT:-9990}/health/ready")" = 200 ] && break
    sleep 1
done
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
# the JIT's compiler threads (user + system ticks; the name ends the stat's second field)
jit() { cat /proc/"$pid"/task/*/stat 2>/dev/null | awk '/\((C1|C2) CompilerThre/ { sub(/^.*\) /, ""); n += $12 + $13 } END { print n + 0 }'; }
hz=$(getconf CLK_TCK)
samples=$(mktemp)
(while kill -0 "$pid" 2>/dev/null; do echo "$(date +%s%3N) $(ticks) $(jit)"; sleep 0.5; done) > "$samples" &
sampler=$!
before=$(ticks); started=$(date +%s.%N)
./mvnw -q -Pgatling gatling:test -Dgatling.simulationClass=org.clinic.appointments.load.BookingSimulation \
    -Dusers="$users" -Dseconds="$seconds" -Ddoctors="$doctors" -Dadmins="$admins" -Dthink="$think" -DadminCode="$code" | tee "$samples.out"
after=$(ticks); ended=$(date +%s.%N)
kill "$sampler"
awk -v t=$((after - before)) -v hz="$hz" -v s="$started" -v e="$ended" \
    'BEGIN { printf "server CPU: %.0f %% of one core on average over %.0f s, %.1f CPU seconds in all\n", 100 * t / hz / (e - s), e - s, t / hz }'
flow=$(grep -o 'booking flow started at [0-9]*' "$samples.out" | awk '{print $5}')
requests=$(docs/bench/gatling-summary.sh | awk '$1 == "booking" || $1 == "choose" || $1 == "payment" { n += $3 } END { print n }')
awk -v from="$flow" -v n="$requests" -v hz="$hz" '
    $1 >= from && first == "" { first = $1; t0 = $2; j0 = $3 } { last = $1; t1 = $2; j1 = $3 }
    END { cpu = (t1 - t0) / hz; printf "booking flow: %d requests, %.1f server CPU seconds over %.0f s: %.1f ms of CPU per request (the JIT compiling: %.1f ms)\n", n, cpu, (last - first) / 1000, 1000 * cpu / n, 1000 * (j1 - j0) / hz / n }' "$samples"
rm -f "$samples" "$samples.out"
jcmd "$pid" GC.heap_info | sed -n 1,3p
