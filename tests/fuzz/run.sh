#!/usr/bin/env bash
# Fuzzes ingest and the signed-copy reader with libFuzzer for a bounded time: builds the targets
# (XML, CSV, zip bundle, signed PDF, filled PDF form) with clang, AddressSanitizer and UBSan in
# build/fuzz, seeds each corpus (from samples/; PDFs rendered and signed from them at seed time;
# filled forms from tests/fuzz/corpus/form), and runs each target for SECONDS (default 20).
# Exits non-zero on the first crash, hang, leak or sanitizer report; the input that caused it is
# kept in build/fuzz/artifacts/.
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

formats=${FORMPIPE_FUZZ_FORMATS:-xml csv zip pdf form}
targets=()
for format in $formats; do targets+=("formpipe_fuzz_$format"); done

echo "== building the fuzz targets (clang) in $build"
cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE= \
  -DCMAKE_CXX_FLAGS="$flags" -DFORMPIPE_FUZZ=ON -DFORMPIPE_TESTS=OFF -DFORMPIPE_BENCH=OFF \
  -DFORMPIPE_WERROR=OFF >/dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" --target "${targets[@]}"

# PDF seeds, made at seed time so they follow what render and sign write: two documents
# rendered, the agreement signed twice (a certification, then an approval in a second revision)
# with a throw-away self-signed key, and the letter rewritten by qpdf uncompressed with a
# classic cross-reference table. Any formpipe already built renders them (the dev build, in
# `./setup.sh test`); without one, the fuzz build makes its own.
make_pdf_seeds() {  # DIR
  local dir=$1 formpipe="" candidate
  for candidate in "$build/formpipe" "$root"/build/{dev,release,asan-ubsan}/formpipe; do
    if [ -x "$candidate" ]; then formpipe=$candidate; break; fi
  done
  if [ -z "$formpipe" ]; then
    cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" --target formpipe
    formpipe=$build/formpipe
  fi
  local tmp
  tmp=$(mktemp -d)
  (
    export ASAN_OPTIONS=detect_leaks=0 FORMPIPE_DATA_DIR="$root"
    "$formpipe" render "$root/samples/alliance-agreement.valid.xml" -o "$dir/agreement.pdf" >/dev/null
    "$formpipe" render "$root/samples/declination-letter.valid.xml" -o "$dir/letter.pdf" >/dev/null
    if command -v openssl >/dev/null; then
      openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$tmp/key.pem" \
        -out "$tmp/cert.pem" -days 3650 -subj "/CN=Fuzz Seed Signer/O=formpipe fuzzing" \
        -addext "keyUsage=critical,digitalSignature,nonRepudiation" >/dev/null 2>&1
      openssl pkcs12 -export -inkey "$tmp/key.pem" -in "$tmp/cert.pem" -out "$tmp/signer.p12" \
        -passout pass:seed
      echo seed >"$tmp/password"
      "$formpipe" sign "$dir/agreement.pdf" -o "$tmp/signed-1.pdf" --key "$tmp/signer.p12" \
        --password-file "$tmp/password" --certify >/dev/null
      "$formpipe" sign "$tmp/signed-1.pdf" -o "$dir/agreement-signed-twice.pdf" \
        --key "$tmp/signer.p12" --password-file "$tmp/password" >/dev/null
    fi
    if command -v qpdf >/dev/null; then
      qpdf --qdf --object-streams=disable "$dir/letter.pdf" "$dir/letter-qdf.pdf" || [ $? -eq 3 ]
    fi
  )
  rm -rf "$tmp"
}

# Seeds: every sample of the format; the bundles' tables as CSV seeds and zipped as zip seeds;
# the PDFs above; and tests/fuzz/corpus/FORMAT/, the committed inputs that once crashed or
# misled ingest or the PDF reader (keep every such input there: each run starts from them).
corpus=$build/corpus
mkdir -p "$corpus/xml" "$corpus/csv" "$corpus/zip" "$corpus/pdf" "$corpus/form" "$build/artifacts"
cp "$root"/samples/*.xml "$corpus/xml/"
cp "$root"/samples/*.csv "$corpus/csv/"
for bundle in "$root"/samples/*.bundle; do
  name=$(basename "$bundle" .bundle)
  for table in "$bundle"/*.csv; do cp "$table" "$corpus/csv/$name-$(basename "$table")"; done
  (cd "$bundle" && cmake -E tar cf "$corpus/zip/$name.zip" --format=zip -- *)
done
case " $formats " in *" pdf "*) make_pdf_seeds "$corpus/pdf" ;; esac
for format in xml csv zip pdf form; do
  for seed in "$root"/tests/fuzz/corpus/"$format"/*; do
    if [ -f "$seed" ]; then cp "$seed" "$corpus/$format/"; fi
  done
done

export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
parallel=()
[ "$jobs" -le 1 ] || parallel=(-jobs="$jobs" -workers="$jobs")
cd "$build"  # libFuzzer writes its fuzz-N.log files here when running jobs
for format in $formats; do
  echo "== fuzzing $format for $seconds s"
  log=$build/fuzz-$format.log
  dict=()
  [ ! -f "$root/tests/fuzz/$format.dict" ] || dict=(-dict="$root/tests/fuzz/$format.dict")
  [ "$format" != form ] || dict=(-dict="$root/tests/fuzz/pdf.dict")  # forms are PDFs too
  status=0
  "$build/tests/fuzz/formpipe_fuzz_$format" "$corpus/$format" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/artifacts/$format-" \
    "${dict[@]}" "${parallel[@]}" >"$log" 2>&1 || status=$?
  grep -E '^(INFO: seed corpus|#[0-9]+ +DONE|stat::number_of_executed_units)' "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 60 "$log" >&2
    echo "fuzzing $format found a problem (exit $status); the input is in $build/artifacts/" >&2
    exit 1
  fi
done
echo "== fuzzing: no findings"
