#!/bin/sh
# Build the one-folder desktop bundle, smoke-run it and zip it for download.
#   Linux:   after `sh scripts/setup.sh` (installs binutils, icu-devtools and gcc if missing)
#   Windows: in Git Bash, after `python -m venv .venv` and `.venv/Scripts/pip install -e .`
#   macOS:   after `python3 -m venv .venv` and `.venv/bin/pip install -e .`
# The GitHub workflow (.github/workflows/build.yml) runs this script on all three.
set -eu
cd "$(dirname "$0")/.."
case "$(uname -s)" in
    Linux*) os=linux ;;
    Darwin*) os=macos ;;
    MINGW* | MSYS* | CYGWIN*) os=windows ;;
    *) os=$(uname -s) ;;
esac
bin=.venv/bin
[ -d .venv/Scripts ] && bin=.venv/Scripts
py="$bin/python"
# Linux: binutils strips the libraries; icu-devtools and gcc rebuild ICU's data library with
# only the locales the app needs (packaging/linux/trim_icu.py).
if [ "$os" = linux ] && command -v apt-get >/dev/null 2>&1; then
    need=""
    command -v objdump >/dev/null 2>&1 || need="$need binutils"
    command -v icupkg >/dev/null 2>&1 || need="$need icu-devtools"
    command -v gcc >/dev/null 2>&1 || need="$need gcc"
    if [ -n "$need" ]; then
        SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
        # shellcheck disable=SC2086
        $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need >/dev/null
    fi
fi
"$py" -m pip install -q "pyinstaller>=6.5"
version=$("$py" packaging/version.py)
start=$(date +%s)
"$py" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller kompetencedialog.spec
end=$(date +%s)
bundle=dist/kompetencedialog
case "$os" in
    windows) exe="$bundle/kompetencedialog-cli.exe"; gui="$bundle/kompetencedialog.exe" ;;
    macos) bundle=dist/Kompetencedialog.app; exe="$bundle/Contents/MacOS/kompetencedialog"; gui="$exe" ;;
    *) exe="$bundle/kompetencedialog"; gui="$exe" ;;
esac
if [ "$os" = linux ]; then
    # The Linux desktop entry and icons, ready for ~/.local/share (see README).
    mkdir -p "$bundle/share/applications"
    cp packaging/kompetencedialog.desktop "$bundle/share/applications/"
    mkdir -p "$bundle/share/mime/packages"
    cp packaging/kompetencedialog-mime.xml "$bundle/share/mime/packages/kompetencedialog.xml"
    for size in 16 32 48 64 128 256 512; do
        mkdir -p "$bundle/share/icons/hicolor/${size}x${size}/apps"
        cp "resources/icons/kompetencedialog-$size.png" "$bundle/share/icons/hicolor/${size}x${size}/apps/kompetencedialog.png"
    done
    mkdir -p "$bundle/share/icons/hicolor/scalable/apps"
    cp resources/icons/kompetencedialog.svg "$bundle/share/icons/hicolor/scalable/apps/kompetencedialog.svg"
fi
echo "bundle: $bundle, $(du -sm "$bundle" | cut -f1) MB unpacked, $(find "$bundle" -type f | wc -l | tr -d ' ') files, built in $((end - start)) s"

# Smoke run: the same command line as the installed program, without a screen.
work=$(mktemp -d)
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state"
"$exe" --version
"$exe" new --workshop strategi --example -o "$work/eksempel.kdlg"
"$exe" check "$work/eksempel.kdlg"
"$exe" export "$work/eksempel.kdlg" --docx "$work/eksempel.docx" --pdf "$work/plader.pdf"
test -s "$work/eksempel.docx" && test -s "$work/plader.pdf"
now_ms() { "$py" -c 'import time; print(int(time.time() * 1000))'; }
t0=$(now_ms)
if [ "$os" = windows ]; then
    # The window app itself (what the start menu runs). Were it to fail before main(), Windows
    # would show PyInstaller's error box and wait for a click: the timeout turns that into a failure.
    timeout 300 "$gui" --smoke-test
else
    "$gui" --smoke-test
fi
t1=$(now_ms)
echo "start-to-window (smoke test: start, open the example, paint, quit): $((t1 - t0)) ms (includes one Python start for the clock)"
rm -rf "$work"

# The download: one zip per system (macOS: the .app, zipped with ditto so its links and
# extended attributes survive; elsewhere the folder, links kept as links).
zip="dist/kompetencedialog-$version-$os.zip"
rm -f "$zip"
if [ "$os" = macos ]; then
    ditto -c -k --keepParent "$bundle" "$zip"
    echo "$zip: $(du -k "$zip" | cut -f1) KB zipped"
else
    "$py" packaging/zip_bundle.py "$bundle" "$zip"
fi
echo "bundle OK"
