#!/bin/sh
# Set up Kompetencedialog Desktop on a fresh Debian/Ubuntu machine.
#   sh scripts/setup.sh          system libraries for Qt + .venv with the app
#   sh scripts/setup.sh --test   the same, plus the test tools
# Safe to run again: apt and pip skip what is already there.
set -eu
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

# Qt's xcb/offscreen platforms need these; names differ a little between Debian releases,
# so install the ones this release knows.
QT_LIBS="libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
libglib2.0-0 libglib2.0-0t64 libx11-6 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-xinerama0 libxcb-image0 libxcb-xkb1
fonts-dejavu-core python3 python3-venv python3-pip"
TEST_LIBS="xvfb xauth xdotool x11-xkb-utils x11-utils openbox"

if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    pkgs=""
    list="$QT_LIBS"
    [ "$want_test" -eq 1 ] && list="$list $TEST_LIBS"
    for p in $list; do
        if apt-cache show "$p" >/dev/null 2>&1; then pkgs="$pkgs $p"; fi
    done
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
fi

PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$want_test" -eq 1 ]; then
    .venv/bin/python -m pip install -q -e '.[test]'
else
    .venv/bin/python -m pip install -q -e .
fi
