#!/usr/bin/env bash
# bench/run.sh [--tiny] [--build DIR] [--no-build] [formpipe_bench options]
#   Builds formpipe and formpipe_bench (release, in build/release unless --build says otherwise)
#   and prints the benchmark table of docs/bench.md. --tiny runs every case with tiny counts, only
#   to prove it works (CTest runs it so, as the bench_tiny test); its numbers mean nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

build=build/release
do_build=1
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --no-build) do_build=0; shift ;;
    *) args+=("$1"); shift ;;
  esac
done

if [ "$do_build" = 1 ]; then
  if [ ! -f "$build/CMakeCache.txt" ]; then
    # Warnings are not errors here: GCC 12 reports false -Wrestrict/-Wmaybe-uninitialized at -O2.
    cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DFORMPIPE_BENCH=ON -DFORMPIPE_WERROR=OFF \
      >/dev/null
  fi
  cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" --target formpipe formpipe_bench >/dev/null
fi

export FORMPIPE_DATA_DIR=${FORMPIPE_DATA_DIR:-$PWD}
exec "$build/bench/formpipe_bench" --formpipe "$build/formpipe" "${args[@]+"${args[@]}"}"
