#!/usr/bin/env bash
# Prints, every 5 s until the server stops, how many methods wait for each of the JIT's compilers (C1, C2).
# Usage (in another terminal, while a load runs): docs/bench/jit-queue.sh
set -euo pipefail
pid=$(pgrep -f 'jboss-modules.jar' | head -1)
waiting() { awk -v q="$1 compile queue:" '$0 == q { f = 1; next } /compile queue:/ { f = 0 } f && NF && !/^Empty/ { n++ } END { print n + 0 }'; }
while kill -0 "$pid" 2>/dev/null; do
    queue=$(jcmd "$pid" Compiler.queue 2>/dev/null || true)
    echo "$(date +%T) C1 queue: $(waiting C1 <<< "$queue"), C2 queue: $(waiting C2 <<< "$queue")"
    sleep 5
done
