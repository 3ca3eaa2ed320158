#!/usr/bin/env bash
# The Debian package, as IT would install it (issue 15): build it with cpack in the release build
# folder, lintian must report no error, dpkg -i installs it, the installed /usr/bin/formpipe runs
# over a copy of samples/ from the installed data alone, and systemd-analyze accepts both units.
# Run as root on a disposable machine (CI): it installs the package system-wide.
#   packaging/test-package.sh [RELEASE-BUILD-DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}

echo "== package: cpack -G DEB in $build"
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/formpipe_*_amd64.deb)
echo "   $deb ($(du -h "$deb" | cut -f1))"

echo "== package: lintian"
lintian --fail-on error --tag-display-limit 0 "$deb" 2>&1 | grep -v 'running with root privileges' || true
lintian --fail-on error "$deb" >/dev/null 2>&1 || { echo "lintian reports errors" >&2; exit 1; }

echo "== package: dpkg -i"
dpkg -i "$deb" >/dev/null
dpkg -s formpipe | grep -q '^Status: install ok installed'
getent passwd formpipe >/dev/null || { echo "postinst made no formpipe user" >&2; exit 1; }

echo "== package: /usr/bin/formpipe run over samples/, from the installed files"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/inbox"
find samples -mindepth 1 -maxdepth 1 ! -name README.md -exec cp -r {} "$work/inbox"/ \;
expected=$(find "$work/inbox" -mindepth 1 -maxdepth 1 | wc -l)
version=$(cd "$work" && env -u FORMPIPE_DATA_DIR /usr/bin/formpipe --version)
echo "$version" | sed 's/^/   /'
echo "$version" | grep -qx 'data folder: /usr/share/formpipe' ||
  { echo "the installed formpipe does not read /usr/share/formpipe" >&2; exit 1; }
status=0
(cd "$work" && env -u FORMPIPE_DATA_DIR /usr/bin/formpipe run inbox --out out --settle 0) || status=$?
[ "$status" -le 1 ] || { echo "formpipe run exited $status" >&2; exit 1; }
results=$(find "$work/out" -mindepth 1 -maxdepth 1 -type d ! -name ".*" | wc -l)
[ "$results" -eq "$expected" ] || { echo "$results result folders for $expected samples" >&2; exit 1; }
[ -z "$(ls "$work/inbox")" ] || { echo "submissions left in the inbox" >&2; exit 1; }
pdfs=0
while IFS= read -r pdf; do
  qpdf --check "$pdf" >/dev/null || { echo "qpdf --check fails: $pdf" >&2; exit 1; }
  pdfs=$((pdfs + 1))
done < <(find "$work/out" -name '*.pdf')
echo "   $results result folders, $pdfs PDFs pass qpdf --check"

echo "== package: the desk as the service runs it (user formpipe, the package's folders)"
port=$((18000 + RANDOM % 1000))
runuser -u formpipe -- /usr/bin/formpipe serve --out /var/lib/formpipe/out \
  --inbox /var/lib/formpipe/inbox --listen "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
serve=$!
answer=$(/usr/bin/python3 - "$port" <<'PY'
import sys, time, urllib.request, urllib.error
for _ in range(50):
    try:
        with urllib.request.urlopen("http://127.0.0.1:%s/login" % sys.argv[1], timeout=5) as r:
            print(r.status); break
    except urllib.error.HTTPError as e:
        print(e.code); break
    except OSError:
        time.sleep(0.2)
PY
)
kill -TERM "$serve"
wait "$serve" || true
echo "   GET /login: $answer"
case "$answer" in
  200) ;;
  *) cat "$work/serve.log" >&2; echo "the desk did not answer" >&2; exit 1 ;;
esac

echo "== package: systemd-analyze verify"
systemd-analyze verify /lib/systemd/system/formpipe-watch.service \
  /lib/systemd/system/formpipe-serve.service
echo "== package: all checks passed"
