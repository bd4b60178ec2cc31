#!/usr/bin/env bash
# Set up a checkout for development and CI (idempotent; quiet when nothing is missing):
#   1. Debian packages from packaging/apt-packages.txt: the libraries Qt needs (offscreen and
#      xcb) and the packaging checks' tools (desktop-file-validate, appstreamcli, rsvg-convert).
#   2. .venv (created with python3 if missing) with the project installed editable and its
#      test + bundle + dask extras (pytest, pytest-qt, PyInstaller, dask.distributed), plus setuptools>=77 and wheel so
#      tests/test_packaging.py can build the wheel without network access.
#
#   packaging/dev-setup.sh            DEV_SETUP_GUI=full also installs Xvfb/xdotool/ImageMagick
#   PYTHON=python3.11 packaging/dev-setup.sh   (interpreter used to create .venv)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

# --- 1. Debian packages -------------------------------------------------------------------
mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$here/apt-packages.txt" | grep -v '^$')
if [[ "${DEV_SETUP_GUI:-}" == full ]]; then  # tools to drive the app on a virtual screen
    wanted+=(xvfb xdotool imagemagick)
fi
missing=()
for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q ' ok installed$' || missing+=("$pkg")
done
if ((${#missing[@]})); then
    if [[ $(id -u) != 0 ]]; then
        echo "dev-setup.sh: missing Debian packages (run as root to install): ${missing[*]}" >&2
        exit 1
    fi
    echo "dev-setup.sh: installing Debian packages (about a minute): ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- 2. Python environment ----------------------------------------------------------------
if [[ ! -x .venv/bin/python ]]; then
    echo "dev-setup.sh: creating .venv"
    if ! "${PYTHON:-python3}" -m venv .venv; then
        echo "dev-setup.sh: could not create .venv; on Debian/Ubuntu install python3-venv" >&2
        exit 1
    fi
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
pip_quiet() {  # pip's (and the build backend's) chatter goes to a log, shown only on failure
    if ! .venv/bin/python -m pip install -q --disable-pip-version-check "$@" >"$log" 2>&1; then
        cat "$log" >&2
        echo "dev-setup.sh: FAILED: pip install $*" >&2
        exit 1
    fi
}
echo "dev-setup.sh: installing Python packages into .venv (1-3 minutes on a new machine)..."
pip_quiet 'setuptools>=77' wheel
pip_quiet -e '.[test,bundle,dask]'
echo "dev-setup.sh: ready ($(.venv/bin/python --version), kerryview $(.venv/bin/python -c 'import kerryview; print(kerryview.__version__)'))"
