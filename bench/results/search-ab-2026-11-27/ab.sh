#!/usr/bin/env bash
# ab.sh rounds sets...: alternate A (5191, tokenA) and B (5192, tokenB), 6 s per run, print p50/p90 per run
R=$1; shift
for r in $(seq 1 $R); do
  for n in "$@"; do
    if (( r % 2 )); then order="A B"; else order="B A"; fi
    for w in $order; do
      if [ $w = A ]; then port=5191; else port=5192; fi
      TOKEN=/tmp/s100/token$w PATHS=/tmp/s100/$n.txt wrk -t2 -c4 -d${DUR:-6s} --latency -s /tmp/s100/paths.lua http://127.0.0.1:$port > /tmp/s100/ab-$w-$n.out 2>&1
      echo "$r $w $n $(grep -E '^\s+(50|90)%' /tmp/s100/ab-$w-$n.out | awk '{print $2}' | tr '\n' ' ') $(grep Requests/sec /tmp/s100/ab-$w-$n.out | awk '{print $2}')"
    done
  done
done
