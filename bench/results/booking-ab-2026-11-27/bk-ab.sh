#!/bin/bash
for spec in b:1 n:1 n:2 b:2 b:3 n:3; do
  w=${spec%%:*}; i=${spec##*:}
  cd /tmp/wt-$w && BENCH_KEEP=/tmp/bkab-$w$i ./bench.sh --bookings --out /tmp/boab-$w$i > /tmp/boab-$w$i.log 2>&1
  echo "$w$i $(grep -E 'book \(' /tmp/boab-$w$i/latest.md | awk -F'|' '{print $2 "p50=" $4 " rate=" $7 " ratio=" $9}' | tr '\n' ' ')" >> /tmp/bk-ab.log
done
echo done >> /tmp/bk-ab.log
