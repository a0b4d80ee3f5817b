#!/usr/bin/env bash
# Registers a patient (or, with ADMIN_CODE set, an admin) through the real forms, logs in, then requests a
# page N times and prints the server's response time (curl's time to first byte on localhost): median,
# p95 and max.
# Usage: [ADMIN_CODE=code] docs/bench/page-timing.sh [base-url] [path] [requests]
set -euo pipefail
BASE=${1:-http://localhost:8080}
PAGE=${2:-/patient/book?doctor=doc1}
N=${3:-200}
JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT

viewstate() { grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)".*/\1/'; }

EMAIL="bench-$(date +%s%N)@example.com"
PASSWORD="Monsoon-Tea-42"
PORTAL=${ADMIN_CODE:+/admin}
VS=$(curl -s -c "$JAR" -b "$JAR" "$BASE$PORTAL/register" | viewstate)
curl -s -o /dev/null -c "$JAR" -b "$JAR" "$BASE$PORTAL/register" \
  --data-urlencode "registerForm=registerForm" --data-urlencode "registerForm:name=Bench User" \
  --data-urlencode "registerForm:email=$EMAIL" --data-urlencode "registerForm:phone=+91 98765 43210" \
  --data-urlencode "registerForm:password=$PASSWORD" --data-urlencode "registerForm:register=" \
  ${ADMIN_CODE:+--data-urlencode "registerForm:adminCode=$ADMIN_CODE"} \
  --data-urlencode "jakarta.faces.ViewState=$VS"
VS=$(curl -s -c "$JAR" -b "$JAR" "$BASE$PORTAL/login" | viewstate)
curl -s -o /dev/null -c "$JAR" -b "$JAR" "$BASE$PORTAL/login" \
  --data-urlencode "loginForm=loginForm" --data-urlencode "loginForm:email=$EMAIL" \
  --data-urlencode "loginForm:password=$PASSWORD" --data-urlencode "loginForm:login=" \
  --data-urlencode "jakarta.faces.ViewState=$VS"
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" "$BASE$PAGE")
[ "$STATUS" = 200 ] || { echo "$PAGE answered $STATUS after login; is the server up with this data?" >&2; exit 1; }

for i in $(seq 1 20); do curl -s -o /dev/null -b "$JAR" "$BASE$PAGE"; done   # warm-up
for i in $(seq 1 "$N"); do curl -s -o /dev/null -w '%{time_starttransfer}\n' -b "$JAR" "$BASE$PAGE"; done \
  | sort -n | awk -v page="$PAGE" '{ t[NR] = $1 * 1000 } END {
      printf "%s: %d requests, median %.1f ms, p95 %.1f ms, max %.1f ms\n", page, NR, t[int(NR * 0.5 + 0.5)], t[int(NR * 0.95 + 0.5)], t[NR] }'
