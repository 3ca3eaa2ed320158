#!/usr/bin/env bash
# formpipe set-up on Debian 12, as root (or with sudo).
#   ./setup.sh          install what is missing, build (release), run formpipe over samples/
#   ./setup.sh test     install what is missing, build (dev and ASan+UBSan), run every test
set -euo pipefail
cd "$(dirname "$0")"

mode=${1:-samples}
jobs=$(nproc 2>/dev/null || echo 2)

packages=(build-essential cmake pkg-config g++ git
          libhpdf-dev libpugixml-dev libicu-dev libpoco-dev libcsv-dev libkainjow-mustache-dev
          libharfbuzz-dev zlib1g-dev libzip-dev libdeflate-dev libssl-dev libjemalloc-dev catch2
          libqpdf-dev poppler-utils qpdf libsodium-dev)
# The signing tests: openssl makes a throw-away CA, NSS's certutil/pk12util a database pdfsig
# trusts. Every PDF is checked against PDF/UA-1 and PDF/A-2a by tests/pdfcheck (pikepdf). The
# reviewers' desk is tested in headless Chromium driven by Selenium (tests/web).
if [ "$mode" = test ]; then
  packages+=(clang libclang-rt-14-dev openssl libnss3-tools python3-pikepdf
             chromium chromium-driver python3-selenium)
  # The Debian package (packaging/test-package.sh): man pages from --help, lintian, and the font
  # packages it depends on, so that dpkg -i installs it.
  packages+=(help2man lintian fonts-dejavu-core fonts-wqy-microhei fonts-symbola)
  # The fillable forms are filled by tools that are not formpipe's: pdftk (and pikepdf, qpdf).
  packages+=(pdftk-java)
fi

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

build() {  # build PRESET
  echo "== building ($1)"
  cmake --preset "$1" >/dev/null
  cmake --build --preset "$1" -j "$jobs"
}

install_missing
case "$mode" in
  samples)
    build release
    bin=build/release/formpipe
    inbox=$(mktemp -d)/inbox
    out=build/samples-out
    mkdir -p "$inbox"
    # The inbox is a copy: `run` empties its inbox as it files every submission away.
    find samples -mindepth 1 -maxdepth 1 ! -name README.md -exec cp -r {} "$inbox"/ \;
    echo "== formpipe run over a copy of samples/ -> $out"
    status=0
    "$bin" run "$inbox" --out "$out" || status=$?
    # Exit 1 only means some samples are rejected, which the invalid samples are meant to be.
    if [ "$status" -gt 1 ]; then exit "$status"; fi
    echo "== results in $out/ (one folder per submission: report.json and PDFs)"
    ;;
  test)
    build dev
    echo "== tests (dev)"
    ctest --preset dev -j "$jobs"
    build asan-ubsan
    echo "== tests (AddressSanitizer + UBSan)"
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --preset asan-ubsan -j "$jobs"
    if [ -x tests/fuzz/run.sh ]; then
      echo "== fuzzing (short bounded run)"
      tests/fuzz/run.sh 20
    fi
    build release
    packaging/test-package.sh build/release
    echo "== all tests passed"
    ;;
  *)
    echo "usage: ./setup.sh [test]" >&2
    exit 2
    ;;
esac
