#!/usr/bin/env bash
# Runs the Gatling booking simulation against a running server and prints the server's CPU use during the run.
# Usage: docs/bench/load-run.sh ADMIN_CODE [users] [seconds] [generated doctors]
set -euo pipefail
code=${1:?usage: load-run.sh ADMIN_CODE [users] [seconds] [generated doctors]}
users=${2:-64}
seconds=${3:-60}
doctors=${4:-0}
pid=$(pgrep -f 'jboss-modules.jar' | head -1)
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
before=$(ticks); started=$(date +%s.%N)
./mvnw -q -Pgatling gatling:test -Dgatling.simulationClass=org.clinic.appointments.load.BookingSimulation \
    -Dusers="$users" -Dseconds="$seconds" -Ddoctors="$doctors" -DadminCode="$code"
after=$(ticks); ended=$(date +%s.%N)
awk -v t=$((after - before)) -v hz="$hz" -v s="$started" -v e="$ended" \
    'BEGIN { printf "server CPU: %.0f %% of one core on average over %.0f s\n", 100 * t / hz / (e - s), e - s }'
jcmd "$pid" GC.heap_info | head -3
