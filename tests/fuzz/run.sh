#!/usr/bin/env bash
# Fuzzes ingest with libFuzzer for a bounded time: builds the three targets (XML, CSV, zip
# bundle) with clang, AddressSanitizer and UBSan in build/fuzz, seeds each corpus from samples/,
# and runs each target for SECONDS (default 20). Exits non-zero on the first crash, hang, leak
# or sanitizer report; the input that caused it is kept in build/fuzz/artifacts/.
#
# Usage: tests/fuzz/run.sh [SECONDS]
# Longer runs: FORMPIPE_FUZZ_JOBS=2 tests/fuzz/run.sh 3600 (the corpus in build/fuzz/corpus
# grows from run to run); FORMPIPE_FUZZ_FORMATS="xml csv" runs only those targets.
set -euo pipefail

seconds=${1:-20}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${FORMPIPE_FUZZ_BUILD:-$root/build/fuzz}
jobs=${FORMPIPE_FUZZ_JOBS:-1}
flags="-O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined"

echo "== building the fuzz targets (clang) in $build"
cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE= \
  -DCMAKE_CXX_FLAGS="$flags" -DFORMPIPE_FUZZ=ON -DFORMPIPE_TESTS=OFF -DFORMPIPE_BENCH=OFF \
  -DFORMPIPE_WERROR=OFF >/dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" \
  --target formpipe_fuzz_xml formpipe_fuzz_csv formpipe_fuzz_zip

# Seeds: every sample of the format; the bundles' tables as CSV seeds and zipped as zip seeds;
# and tests/fuzz/corpus/FORMAT/, the committed inputs that once crashed or misled ingest (keep
# every such input there: each run starts from them).
corpus=$build/corpus
mkdir -p "$corpus/xml" "$corpus/csv" "$corpus/zip" "$build/artifacts"
cp "$root"/samples/*.xml "$corpus/xml/"
cp "$root"/samples/*.csv "$corpus/csv/"
for bundle in "$root"/samples/*.bundle; do
  name=$(basename "$bundle" .bundle)
  for table in "$bundle"/*.csv; do cp "$table" "$corpus/csv/$name-$(basename "$table")"; done
  (cd "$bundle" && cmake -E tar cf "$corpus/zip/$name.zip" --format=zip -- *)
done
for format in xml csv zip; do
  for seed in "$root"/tests/fuzz/corpus/"$format"/*; do
    if [ -f "$seed" ]; then cp "$seed" "$corpus/$format/"; fi
  done
done

export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
parallel=()
[ "$jobs" -le 1 ] || parallel=(-jobs="$jobs" -workers="$jobs")
cd "$build"  # libFuzzer writes its fuzz-N.log files here when running jobs
for format in ${FORMPIPE_FUZZ_FORMATS:-xml csv zip}; do
  echo "== fuzzing $format ingest for $seconds s"
  log=$build/fuzz-$format.log
  status=0
  "$build/tests/fuzz/formpipe_fuzz_$format" "$corpus/$format" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/artifacts/$format-" \
    "${parallel[@]}" >"$log" 2>&1 || status=$?
  grep -E '^(INFO: seed corpus|#[0-9]+ +DONE|stat::number_of_executed_units)' "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 60 "$log" >&2
    echo "fuzzing $format found a problem (exit $status); the input is in $build/artifacts/" >&2
    exit 1
  fi
done
echo "== fuzzing: no findings"
