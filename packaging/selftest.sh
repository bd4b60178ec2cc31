#!/usr/bin/env bash
# Build the PyInstaller bundle if it is missing or older than the sources, then run it:
#   kerryview --version      must print the project's version
#   kerryview --self-test    loads the bundled corpus, renders the timeline offscreen, exit 0
# under QT_QPA_PLATFORM=offscreen, with a private HOME/XDG folder. Fails loudly otherwise.
#
#   packaging/selftest.sh [--rebuild]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
py="${PYTHON:-$root/.venv/bin/python}"
exe="$here/pyinstaller/dist/kerryview/kerryview"
timeout_s="${KV_SELFTEST_TIMEOUT:-120}"

fail() { echo "SELFTEST FAILED: $*" >&2; exit 1; }

need_build=0
[[ "${1:-}" == --rebuild ]] && need_build=1
if [[ ! -x "$exe" ]]; then
    need_build=1
elif [[ -n "$(find "$root/kerryview" "$root/resources" "$here/pyinstaller/kerryview.spec" \
                   "$here/pyinstaller/kerryview_entry.py" -newer "$exe" -type f \
                   ! -name '*.pyc' ! -path '*/__pycache__/*' -print -quit)" ]]; then
    echo "selftest.sh: sources changed since the last build, rebuilding"
    need_build=1
fi
if [[ $need_build == 1 ]]; then
    "$here/build.sh" || fail "packaging/build.sh failed (see above)"
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -m 700 "$tmp/runtime"
export QT_QPA_PLATFORM=offscreen HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/runtime" \
       XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share" \
       XDG_CACHE_HOME="$tmp/home/.cache"
mkdir -p "$HOME"
cd "$tmp"   # never the source tree: the bundle must find everything inside itself

want="$(sed -n 's/^__version__ *= *["'"'"']\([^"'"'"']*\)["'"'"'].*/\1/p' "$root/kerryview/__init__.py")"
[[ -n "$want" ]] || fail "cannot read __version__ from kerryview/__init__.py"
got="$(timeout 60 "$exe" --version 2>"$tmp/version.err")"; rc=$?
[[ $rc == 0 ]] || { cat "$tmp/version.err" >&2; fail "'kerryview --version' exited with status $rc"; }
[[ "$got" == *"$want"* ]] || fail "'kerryview --version' printed '$got', expected it to contain $want"
echo "kerryview --version: $got"

start=$EPOCHREALTIME
timeout "$timeout_s" "$exe" --self-test >"$tmp/out" 2>"$tmp/err"; rc=$?
secs=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
cat "$tmp/out"
if [[ $rc != 0 ]]; then
    echo "--- stderr (last 40 lines) ---" >&2; tail -n 40 "$tmp/err" >&2
    [[ $rc == 124 ]] && fail "'kerryview --self-test' timed out after ${timeout_s}s"
    fail "'kerryview --self-test' exited with status $rc"
fi
[[ -s "$tmp/out" ]] || { tail -n 40 "$tmp/err" >&2; fail "'kerryview --self-test' printed no summary"; }
echo "SELFTEST PASSED in ${secs}s (bundle: $(du -sh "$(dirname "$exe")" | cut -f1))"
