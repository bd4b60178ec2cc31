#!/usr/bin/env bash
# Install kerryview's desktop integration (menu entry, "Open with" for .txt/.html, icons,
# AppStream metadata) for one user, e.g. after `pipx install .`:
#
#   packaging/linux/install.sh                      # into ~/.local/share, Exec=kerryview (on PATH)
#   packaging/linux/install.sh --exec "$PWD/dist/kerryview/kerryview"   # for the PyInstaller bundle
#   packaging/linux/install.sh --prefix /usr/local  # system-wide (as root)
#   packaging/linux/install.sh --uninstall          # remove what it installed
#
# --prefix DIR installs into DIR/share (default: ${XDG_DATA_HOME:-~/.local/share}).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
app_id=io.github.kerryview.KerryView
data="${XDG_DATA_HOME:-$HOME/.local/share}"
exec_path=""
uninstall=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --prefix) data="$2/share"; shift 2 ;;
        --exec) exec_path="$2"; shift 2 ;;
        --uninstall) uninstall=1; shift ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
sizes=(16 32 48 64 128 256)
files=("applications/$app_id.desktop" "metainfo/$app_id.metainfo.xml"
       "icons/hicolor/scalable/apps/$app_id.svg")
for n in "${sizes[@]}"; do files+=("icons/hicolor/${n}x${n}/apps/$app_id.png"); done

refresh() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$data/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [[ -f "$data/icons/hicolor/index.theme" ]]; then
        gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
    fi
}

if [[ $uninstall == 1 ]]; then
    for f in "${files[@]}"; do rm -f "$data/$f"; done
    refresh
    echo "removed kerryview's desktop files from $data"
    exit 0
fi

if [[ -n "$exec_path" ]]; then
    [[ -x "$exec_path" ]] || { echo "install.sh: --exec $exec_path is not an executable file" >&2; exit 1; }
    exec_path="$(cd "$(dirname "$exec_path")" && pwd)/$(basename "$exec_path")"
elif ! command -v kerryview >/dev/null 2>&1; then
    echo "install.sh: note: 'kerryview' is not on PATH yet (pipx install . puts it in ~/.local/bin)" >&2
fi

install -d "$data/applications" "$data/metainfo" "$data/icons/hicolor/scalable/apps"
desktop="$data/applications/$app_id.desktop"
if [[ -n "$exec_path" ]]; then
    # Desktop-entry quoting: a path with spaces goes in double quotes.
    q="$exec_path"; [[ "$q" == *" "* ]] && q="\"$q\""
    sed -e "s|^Exec=kerryview |Exec=$q |" -e "s|^TryExec=kerryview\$|TryExec=$exec_path|" \
        "$here/$app_id.desktop" > "$desktop"
    chmod 644 "$desktop"
else
    install -m 644 "$here/$app_id.desktop" "$desktop"
fi
install -m 644 "$here/$app_id.metainfo.xml" "$data/metainfo/$app_id.metainfo.xml"
install -m 644 "$root/resources/icons/kerryview.svg" "$data/icons/hicolor/scalable/apps/$app_id.svg"
for n in "${sizes[@]}"; do
    install -D -m 644 "$root/resources/icons/kerryview-$n.png" "$data/icons/hicolor/${n}x${n}/apps/$app_id.png"
done
refresh
echo "installed kerryview's desktop entry, icons and metainfo into $data"
