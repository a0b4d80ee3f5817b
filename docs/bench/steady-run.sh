#!/usr/bin/env bash
# The booking flow on a warm server: warm-up runs at 8 patients (the JIT compiles the pages' code for minutes on a
# saturated 2-core machine), then measured runs, each summarised on one line: server CPU per request of the flow,
# completed bookings (payment POSTs) per second, booking page and booking POST latencies.
# Usage: docs/bench/steady-run.sh ADMIN_CODE GENERATED_DOCTORS [warm-up runs of 60 s] [patients of each measured run...]
set -euo pipefail
code=${1:?usage: steady-run.sh ADMIN_CODE GENERATED_DOCTORS [warm-ups] [patients...]}
doctors=${2:?usage: steady-run.sh ADMIN_CODE GENERATED_DOCTORS [warm-ups] [patients...]}
warmups=${3:-3}
shift $(( $# < 3 ? $# : 3 ))
if [ $# -eq 0 ]; then runs=(8 8 64 64); else runs=("$@"); fi
here=$(dirname "$0")
for _ in $(seq 1 "$warmups"); do "$here/load-run.sh" "$code" 8 60 "$doctors" 0 > /dev/null 2>&1; done
for users in "${runs[@]}"; do
    flow=$("$here/load-run.sh" "$code" "$users" 40 "$doctors" 0 2>&1 | grep 'booking flow:')
    summary=$("$here/gatling-summary.sh")
    echo "$users patients: ${flow#booking flow: }"
    echo "$summary" | awk '
        $1 == "payment" && $2 == "POST" { printf "  completed bookings %d = %.1f /s\n", $3, $3 / 40 }
        $1 == "booking" && $2 == "page" { printf "  booking page med / p95 / p99 %s / %s / %s ms\n", $4, $5, $6 }
        $1 == "booking" && $2 == "POST" { printf "  booking POST %d, med / p95 / p99 %s / %s / %s ms\n", $3, $4, $5, $6 }'
done
