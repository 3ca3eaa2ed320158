#!/usr/bin/env bash
# Crash test of `formpipe run` (issue 4): a 300-entry inbox, `run --jobs 2` killed with SIGKILL
# at random moments at least 20 times and restarted each time; then one clean run. At the end
# every distinct submission has exactly one complete result folder, nothing is left half-done
# (no claimed input, no temp folder, no unparsable report), the inbox is empty and every PDF
# passes `qpdf --check`. Bounded: about half a minute.
#
# Usage: tests/crash_test.sh FORMPIPE_BINARY [SOURCE_DIR]
set -euo pipefail

bin=$(realpath "$1")
src=$(realpath "${2:-$(dirname "$0")/..}")
export FORMPIPE_DATA_DIR=${FORMPIPE_DATA_DIR:-$src}
min_kills=20
work=$(mktemp -d -t formpipe-crash.XXXXXX)
pid=
trap '[ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null; wait; rm -rf "$work"' EXIT
inbox=$work/inbox
out=$work/out
mkdir -p "$inbox"

fail() {
  echo "crash_test: FAIL: $*" >&2
  exit 1
}

# --- 300 entries: the samples, zipped bundles, varied copies, unreadables and duplicates -------
for sample in "$src"/samples/*; do
  [ "$(basename "$sample")" = README.md ] || cp -r "$sample" "$inbox/"
done
for bundle in "$src"/samples/*.bundle; do
  (cd "$bundle" && cmake -E tar cf "$inbox/$(basename "$bundle" .bundle).zip" --format=zip -- *)
done
xml_samples=("$src"/samples/*.xml)
for i in $(seq 1 180); do
  sample=${xml_samples[$((i % ${#xml_samples[@]}))]}
  { cat "$sample"; echo "<!-- copy $i -->"; } >"$inbox/copy $i of $(basename "$sample")"
done
for i in $(seq 1 40); do
  printf 'scanned page %d, not a form\n' "$i" >"$inbox/scan-$i.xml"
done
: >"$inbox/zero-bytes.xml"
for i in $(seq 1 50); do
  sample=${xml_samples[$((i % ${#xml_samples[@]}))]}
  cp "$inbox/copy $i of $(basename "$sample")" "$inbox/again $i.xml"
done
entries=$(find "$inbox" -mindepth 1 -maxdepth 1 | wc -l)
[ "$entries" -eq 300 ] || fail "expected 300 entries in the inbox, made $entries"

# The distinct submissions, by sha256 (a folder bundle's is formpipe's own hash of its files).
for entry in "$inbox"/*; do
  if [ -d "$entry" ]; then
    "$bin" check --json "$entry" | sed -n 's/^  "sha256": "\([0-9a-f]*\)",$/\1/p'
  else
    sha256sum "$entry" | cut -d' ' -f1
  fi
done | sort -u >"$work/expected"
distinct=$(wc -l <"$work/expected")

# --- kill it, again and again --------------------------------------------------------------
args=(run "$inbox" --out "$out" --jobs 2 --settle 0 --as-of 2025-11-20)
alive() {  # running, not merely a zombie waiting for us
  local state
  state=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) && [ "$state" != Z ]
}
# Kill moments: each run may file a random number of submissions (up to its share of what is
# left, so that work remains for every kill still to come) and is killed once it has, and no
# sooner than a random part of the start-up time (longer under a sanitizer): kills land during
# recovery, mid-way through a group commit and between submissions, whatever the pace.
mkdir -p "$work/warm-up"
cp "$src/samples/alliance-agreement.valid.xml" "$work/warm-up/"
begin=$(date +%s%N)
"$bin" run "$work/warm-up" --out "$work/warm-up-out" --settle 0 >/dev/null
startup_ms=$((($(date +%s%N) - begin) / 1000000))
# Entries not yet filed: in the inbox (but its state folder) or claimed. Bash alone, no
# processes, so that polling it keeps up with the run.
waiting() {
  shopt -s nullglob
  local entries=("$inbox"/* "$inbox"/.formpipe/claimed/*)
  shopt -u nullglob
  echo "${#entries[@]}"
}
now_ms() { echo $((${EPOCHREALTIME/./} / 1000)); }
# New distinct submissions for the inbox when a run on a busy machine got further than its
# share: the kills still to come must find work in hand, however fast formpipe has become.
refills=0
refill() {
  local i sample name
  refills=$((refills + 1))
  for i in $(seq 1 20); do
    sample=${xml_samples[$((i % ${#xml_samples[@]}))]}
    name="refill $refills-$i of $(basename "$sample")"
    { cat "$sample"; echo "<!-- refill $refills-$i -->"; } >"$work/$name"
    sha256sum "$work/$name" | cut -d' ' -f1 >>"$work/expected"
    mv "$work/$name" "$inbox/$name"
  done
}
kills=0
starts=0
left=$(waiting)
while [ "$kills" -lt "$min_kills" ]; do
  starts=$((starts + 1))
  [ "$starts" -le 200 ] || fail "only $kills kills landed in 200 starts"
  if [ "$left" -lt $((min_kills - kills)) ]; then
    refill
    left=$(waiting)
  fi
  share=$((left / (2 * (min_kills - kills + 1))))
  target=$((RANDOM % (share + 1)))             # submissions this run may file
  min_ms=$((RANDOM % (startup_ms + 1)))        # and not killed before
  max_ms=$((startup_ms * 10))                  # a stuck run is killed all the same
  "$bin" "${args[@]}" >/dev/null 2>>"$work/stderr" &  # not a function: $! must be formpipe
  pid=$!
  begin=$(now_ms)
  while alive "$pid"; do
    elapsed_ms=$(($(now_ms) - begin))
    if { [ "$elapsed_ms" -ge "$min_ms" ] && [ $((left - $(waiting))) -ge "$target" ]; } ||
      [ "$elapsed_ms" -ge "$max_ms" ]; then
      kill -KILL "$pid" 2>/dev/null && kills=$((kills + 1))
      break
    fi
    sleep 0.005
  done
  wait "$pid" 2>/dev/null || true
  pid=
  left=$(waiting)
  [ -z "${CRASH_TEST_TRACE:-}" ] || echo "start $starts: target $target min ${min_ms} ms; $left left" >&2
done
echo "crash_test: $kills kills in $starts starts (start-up ${startup_ms} ms, $refills refills of 20); $left entries were still waiting"

# --- finish, then check everything ---------------------------------------------------------
status=0
"$bin" "${args[@]}" >"$work/final.txt" 2>>"$work/stderr" || status=$?
[ "$status" -le 2 ] || fail "the final run exited $status: $(cat "$work/final.txt" "$work/stderr")"
cat "$work/final.txt"

leftover=$(find "$inbox" -mindepth 1 ! -path "$inbox/.formpipe" ! -path "$inbox/.formpipe/lock" \
  ! -path "$inbox/.formpipe/claimed" ! -path "$inbox/.formpipe/released")
[ -z "$leftover" ] || fail "left in the inbox: $leftover"
[ -z "$(ls -A "$out/.formpipe-tmp")" ] || fail "half-written folders left: $(ls "$out/.formpipe-tmp")"

: >"$work/found"
for folder in "$out"/*/; do
  folder=${folder%/}
  id=$(basename "$folder")
  report=$folder/report.json
  [ -s "$report" ] || fail "$id has no report.json"
  [ "$(tail -c 1 "$report")" = "}" ] || fail "$id/report.json is cut short"
  sha=$(sed -n 's/^  "sha256": "\([0-9a-f]*\)",$/\1/p' "$report")
  [ "${sha:0:12}" = "$id" ] || fail "$id holds the report of $sha"
  originals=("$folder"/original*)
  [ "${#originals[@]}" -eq 1 ] && [ -e "${originals[0]}" ] || fail "$id has no original"
  if [ -f "${originals[0]}" ]; then
    [ "$(sha256sum "${originals[0]}" | cut -d' ' -f1)" = "$sha" ] || fail "$id: original differs"
  fi
  for document in $(sed -n '/"documents"/,/]/s/^ *"\([^"]*\.pdf\)",\{0,1\}$/\1/p' "$report"); do
    [ -f "$folder/$document" ] || fail "$id lists $document but it is missing"
  done
  echo "$sha" >>"$work/found"
done
sort "$work/found" | uniq -d >"$work/twice"
[ ! -s "$work/twice" ] || fail "results twice for: $(cat "$work/twice")"
sort -u -o "$work/expected" "$work/expected"
distinct=$(wc -l <"$work/expected")
sort -u "$work/found" | diff "$work/expected" - >"$work/diff" ||
  fail "results differ from the submissions (< missing, > unexpected): $(cat "$work/diff")"

pdfs=0
while IFS= read -r -d '' pdf; do
  qpdf --check "$pdf" >/dev/null || fail "qpdf --check fails on $pdf"
  pdfs=$((pdfs + 1))
done < <(find "$out" -name '*.pdf' -print0)

if command -v sqlite3 >/dev/null; then
  stored=$(sqlite3 "$out/formpipe.sqlite" 'SELECT COUNT(*) FROM submissions')
  [ "$stored" -eq "$distinct" ] || fail "the store holds $stored submissions, expected $distinct"
fi
echo "crash_test: OK: $distinct submissions, one complete result each; $pdfs PDFs pass qpdf --check"
