#!/usr/bin/env bash
# Prints count, median, p95 and p99 (ms) of each request of the newest Gatling report.
set -euo pipefail
report=$(ls -td target/gatling/*/ | sed -n 1p)
printf '%-16s %8s %8s %8s %8s\n' request count median p95 p99
for page in "$report"req_*.html; do
    name=$(grep -o '<title>[^<]*' "$page" | sed 's/<title>Gatling Stats - //')
    value() { grep -A1 "class=\"title\">$1<" "$page" | grep -o 'class="total">[^<]*' | head -1 | sed 's/.*>//'; }
    printf '%-16s %8s %8s %8s %8s\n' "$name" "$(value 'Total count')" "$(value '50th percentile')" \
        "$(value '95th percentile')" "$(value '99th percentile')"
done
