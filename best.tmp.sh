#!/bin/bash
# best of N runs of prof-run.tmp.ts MODE
mode=${1:-overview}; n=${2:-5}
for i in $(seq $n); do node --import tsx prof-run.tmp.ts $mode; done | awk '{print $3, $6}' | sort -n | head -1
