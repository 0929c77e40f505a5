#!/usr/bin/env bash
# Cold start of the standalone host as built (Release): milliseconds from the process start to the first 200 from
# /health, the CPU time the process had used by then (user + system, all threads: on a shared machine the wall time
# follows the other tenants' load, the CPU far less so), and its resident memory (VmRSS) at that moment and again 5 s
# later; on a fresh DUCHA_DATA_DIR (every store
# migrated) and on one that already holds the stores. Prints one line a run, then the medians. Builds nothing: run
# `dotnet build services/Standalone -c Release` first. The host runs from the project folder, as `dotnet run` does, so
# its content root (appsettings.json, the console's static assets) is the same.
# Usage: eng/cold-start.sh [-n RUNS] [-p PORT] [-m fresh|existing|both] [-k: keep the hosts' logs]
#        [-d DIR: a published host (dotnet publish -o DIR) instead of the build output; it runs from DIR]   (extra DOTNET_* variables pass through)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs=5 port=8272 modes="both" keep="" dir=""
while getopts "n:p:m:kd:" opt; do
  case $opt in n) runs=$OPTARG ;; p) port=$OPTARG ;; m) modes=$OPTARG ;; k) keep=1 ;; d) dir=$(cd "$OPTARG" && pwd) ;; *) exit 2 ;; esac
done
[ "$modes" = both ] && modes="fresh existing"
dll="${dir:-$root/services/Standalone/bin/Release/net10.0}/Ducha.Standalone.dll"
cwd="${dir:-$root/services/Standalone}"
[ -f "$dll" ] || { echo "no $dll: build services/Standalone -c Release first" >&2; exit 2; }
url="http://127.0.0.1:$port"
if curl -s -o /dev/null --max-time 1 "$url/health"; then echo "something already answers on $url" >&2; exit 2; fi

cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat" 2>/dev/null || echo 0; }
rss() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

# One start: prints "ms rss_at_200 rss_5s_later cpu_ms_at_200", or fails if the host exits or takes 60 s.
start_once() {
  local data=$1 log=$2 pid start code=000 ms first later cpu
  start=$(now_ms)
  (cd "$cwd" && DUCHA_DATA_DIR="$data" ASPNETCORE_URLS="$url" exec dotnet "$dll") >"$log" 2>&1 &
  pid=$!
  while [ "$code" != 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "host exited; its log: $log" >&2; return 1; fi
    if [ $(( $(now_ms) - start )) -gt 60000 ]; then kill "$pid"; echo "no 200 within 60 s; log: $log" >&2; return 1; fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/health" || true)
    [ "$code" = 200 ] || sleep 0.01
  done
  ms=$(( $(now_ms) - start )); first=$(rss "$pid"); cpu=$(cpu_ms "$pid")
  sleep 5
  later=$(rss "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms $first $later $cpu"
}

work=$(mktemp -d)
if [ -n "$keep" ]; then echo "logs and data in $work"; else trap 'rm -rf "$work"' EXIT; fi
for mode in $modes; do
  existing="$work/existing"
  if [ "$mode" = existing ] && [ ! -d "$existing" ]; then
    mkdir -p "$existing"; start_once "$existing" "$work/prepare.log" >/dev/null
  fi
  : >"$work/$mode.txt"
  for i in $(seq 1 "$runs"); do
    if [ "$mode" = fresh ]; then data="$work/fresh-$i"; mkdir -p "$data"; else data="$existing"; fi
    result=$(start_once "$data" "$work/$mode-$i.log")
    echo "$mode run $i: $(awk '{ printf "%d ms to 200 (%d ms CPU), %d MB at 200, %d MB 5 s later", $1, $4, $2, $3 }' <<<"$result")"
    echo "$result" >>"$work/$mode.txt"
  done
  echo "$mode median of $runs: $(cut -d' ' -f1 "$work/$mode.txt" | median) ms to 200 ($(cut -d' ' -f4 "$work/$mode.txt" | median) ms CPU), $(cut -d' ' -f2 "$work/$mode.txt" | median) MB at 200, $(cut -d' ' -f3 "$work/$mode.txt" | median) MB 5 s later"
done
