#!/usr/bin/env bash
# Runs the Gatling booking simulation against a running server and prints the server's CPU use: over the whole
# run, and over the booking flow alone (from the moment every patient has logged in), per request of that flow.
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
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
samples=$(mktemp)
(while kill -0 "$pid" 2>/dev/null; do echo "$(date +%s%3N) $(ticks)"; sleep 0.5; done) > "$samples" &
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
    $1 >= from && first == "" { first = $1; t0 = $2 } { last = $1; t1 = $2 }
    END { cpu = (t1 - t0) / hz; printf "booking flow: %d requests, %.1f server CPU seconds over %.0f s: %.1f ms of CPU per request\n", n, cpu, (last - first) / 1000, 1000 * cpu / n }' "$samples"
rm -f "$samples" "$samples.out"
jcmd "$pid" GC.heap_info | sed -n 1,3p
