#!/usr/bin/env bash
# Registers and logs in an admin, opens the calendar, then asks N times for one week of events (the AJAX
# request the PrimeFaces Schedule sends) and prints curl's time to first byte: median, p95 and max.
# Usage: ADMIN_CODE=code docs/bench/calendar-timing.sh [base-url] [doctor-id or ""] [monday yyyy-mm-dd] [requests]
set -euo pipefail
BASE=${1:-http://localhost:8080}
DOCTOR=${2-doc1}
MONDAY=${3:-$(date -d 'monday' +%F)}
N=${4:-200}
: "${ADMIN_CODE:?set ADMIN_CODE to the admin registration code of the server}"
JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT
viewstate() { grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)".*/\1/'; }

EMAIL="bench-admin-$(date +%s%N)@example.com"
PASSWORD="Monsoon-Tea-42"
VS=$(curl -s -c "$JAR" -b "$JAR" "$BASE/admin/register" | viewstate)
curl -s -o /dev/null -c "$JAR" -b "$JAR" "$BASE/admin/register" \
  --data-urlencode "registerForm=registerForm" --data-urlencode "registerForm:name=Bench Admin" \
  --data-urlencode "registerForm:email=$EMAIL" --data-urlencode "registerForm:phone=+91 98765 43210" \
  --data-urlencode "registerForm:password=$PASSWORD" --data-urlencode "registerForm:adminCode=$ADMIN_CODE" \
  --data-urlencode "registerForm:register=" --data-urlencode "jakarta.faces.ViewState=$VS"
VS=$(curl -s -c "$JAR" -b "$JAR" "$BASE/admin/login" | viewstate)
curl -s -o /dev/null -c "$JAR" -b "$JAR" "$BASE/admin/login" \
  --data-urlencode "loginForm=loginForm" --data-urlencode "loginForm:email=$EMAIL" \
  --data-urlencode "loginForm:password=$PASSWORD" --data-urlencode "loginForm:login=" \
  --data-urlencode "jakarta.faces.ViewState=$VS"
PAGE="/admin/calendar?view=timeGridWeek&date=$MONDAY${DOCTOR:+&doctor=$DOCTOR}"
VS=$(curl -s -b "$JAR" "$BASE$PAGE" | viewstate)
[ -n "$VS" ] || { echo "the calendar did not open; is the admin code right?" >&2; exit 1; }
END=$(date -d "$MONDAY + 7 days" +%F)
week() {
  curl -s -b "$JAR" "$@" "$BASE$PAGE" -H 'Faces-Request: partial/ajax' \
    --data-urlencode "jakarta.faces.partial.ajax=true" --data-urlencode "jakarta.faces.source=calendar:schedule" \
    --data-urlencode "jakarta.faces.partial.execute=calendar:schedule" --data-urlencode "jakarta.faces.partial.render=calendar:schedule" \
    --data-urlencode "calendar=calendar" --data-urlencode "calendar:schedule_event=true" \
    --data-urlencode "calendar:schedule_start=${MONDAY}T00:00:00.000Z" --data-urlencode "calendar:schedule_end=${END}T00:00:00.000Z" \
    --data-urlencode "jakarta.faces.ViewState=$VS"
}
EVENTS=$(week | grep -o '"id":' | wc -l)
echo "one week from $MONDAY (${DOCTOR:-all doctors}): $EVENTS events"
for i in $(seq 1 20); do week -o /dev/null; done
for i in $(seq 1 "$N"); do week -o /dev/null -w '%{time_starttransfer}\n'; done \
  | sort -n | awk -v what="calendar week ${DOCTOR:-all doctors}" '{ t[NR] = $1 * 1000 } END {
      printf "%s: %d requests, median %.1f ms, p95 %.1f ms, max %.1f ms\n", what, NR, t[int(NR * 0.5 + 0.5)], t[int(NR * 0.95 + 0.5)], t[NR] }'
