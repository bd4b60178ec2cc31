#!/usr/bin/env bash
# Build the one-folder Linux app with PyInstaller: packaging/pyinstaller/dist/kerryview/kerryview
#
#   packaging/build.sh [--clean] [--out DIR]
#
# --out DIR puts the bundle in DIR/dist/kerryview and PyInstaller's work files in DIR/build
# (default: packaging/pyinstaller/, whose dist/ and build/ git ignores).
#
# PYTHON (default: .venv/bin/python of this checkout) must have the project's dependencies and
# PyInstaller (the `bundle` extra: pip install -e '.[bundle]', or pip install 'pyinstaller>=6').
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
py="${PYTHON:-$root/.venv/bin/python}"
out="$here/pyinstaller"
bundle="$out/dist/kerryview"
spec="$out/kerryview.spec"
extra=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --clean) extra+=(--clean); shift ;;
        --out) mkdir -p "$2"; out="$(cd "$2" && pwd)"; bundle="$out/dist/kerryview"; shift 2 ;;
        *) echo "build.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done

[[ -x "$py" ]] || { echo "build.sh: no Python at $py (set PYTHON=...)" >&2; exit 1; }
if ! "$py" -c 'import PyInstaller' 2>/dev/null; then
    echo "build.sh: PyInstaller is not installed for $py" >&2
    echo "          install it with: $py -m pip install -e '$root[bundle]'   (or: pip install 'pyinstaller>=6')" >&2
    exit 1
fi

start=$(date +%s)
"$py" -m PyInstaller --noconfirm --log-level WARN "${extra[@]}" \
    --distpath "$out/dist" --workpath "$out/build" "$spec"

# Sanity checks on what was built: the launcher, the data, and no unwanted Qt modules.
[[ -x "$bundle/kerryview" ]] || { echo "build.sh: FAILED: $bundle/kerryview was not built" >&2; exit 1; }
internal="$bundle/_internal"
n_corpus=$(find "$internal/kerryview/resources/corpus" -name '*.txt' 2>/dev/null | wc -l)
[[ $n_corpus -gt 0 ]] || { echo "build.sh: FAILED: no corpus under $internal/kerryview/resources/corpus" >&2; exit 1; }
[[ -f "$internal/kerryview/resources/icons/kerryview.svg" ]] || { echo "build.sh: FAILED: icon missing from the bundle" >&2; exit 1; }
unwanted=$(find "$internal" \( -name 'libQt6WebEngine*' -o -name 'libQt63D*' -o -name 'libQt6Multimedia*' \
                               -o -name 'libQt6Quick*' -o -name 'libQt6Qml*' -o -name 'QtWebEngineProcess' \) | head -5)
if [[ -n "$unwanted" ]]; then
    echo "build.sh: FAILED: unwanted Qt modules in the bundle:" >&2; echo "$unwanted" >&2; exit 1
fi
echo "built $bundle/kerryview in $(( $(date +%s) - start )) s: $(du -sh "$bundle" | cut -f1) on disk, $n_corpus corpus files"
