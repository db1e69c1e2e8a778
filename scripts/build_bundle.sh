#!/bin/sh
# Build the one-folder desktop bundle (dist/kompetencedialog/) and smoke-run it.
# Works on a fresh Debian/Ubuntu machine after `sh scripts/setup.sh` (run it first).
set -eu
cd "$(dirname "$0")/.."
if command -v apt-get >/dev/null 2>&1 && ! command -v objdump >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq binutils >/dev/null
fi
.venv/bin/python -m pip install -q "pyinstaller>=6.5"
start=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller kompetencedialog.spec
end=$(date +%s)
bundle=dist/kompetencedialog
# The Linux desktop entry and icons, ready for ~/.local/share (see README).
mkdir -p "$bundle/share/applications"
cp packaging/kompetencedialog.desktop "$bundle/share/applications/"
for size in 16 32 48 64 128 256 512; do
    mkdir -p "$bundle/share/icons/hicolor/${size}x${size}/apps"
    cp "resources/icons/kompetencedialog-$size.png" "$bundle/share/icons/hicolor/${size}x${size}/apps/kompetencedialog.png"
done
mkdir -p "$bundle/share/icons/hicolor/scalable/apps"
cp resources/icons/kompetencedialog.svg "$bundle/share/icons/hicolor/scalable/apps/kompetencedialog.svg"
echo "bundle: $(du -sm "$bundle" | cut -f1) MB unpacked, $(find "$bundle" -type f | wc -l) files, built in $((end - start)) s"

# Smoke run: the same command line as the installed program, without a screen.
work=$(mktemp -d)
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state"
exe="$bundle/kompetencedialog"
"$exe" --version
"$exe" new --workshop strategi --example -o "$work/eksempel.kdlg"
"$exe" check "$work/eksempel.kdlg"
"$exe" export "$work/eksempel.kdlg" --docx "$work/eksempel.docx" --pdf "$work/plader.pdf"
test -s "$work/eksempel.docx" && test -s "$work/plader.pdf"
t0=$(date +%s%N)
"$exe" --smoke-test
t1=$(date +%s%N)
echo "start-to-window (smoke test: start, open the example, paint, quit): $(( (t1 - t0) / 1000000 )) ms"
rm -rf "$work"
echo "bundle OK"
