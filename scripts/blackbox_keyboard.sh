#!/bin/sh
# Black-box run of the real program on an X server (run it under xvfb-run):
# open FIL, type three notes with the keyboard only, Ctrl+S, Ctrl+Q.
#   xvfb-run -a -s "-screen 0 1920x1080x24" sh scripts/blackbox_keyboard.sh FIL [KOMMANDO]
set -eu
FILE="$1"
APP="${2:-kompetencedialog}"
# A Danish keyboard, as the secretary has: æ, ø and å are real keys, so xdotool need not remap
# keys on the fly (which races with the program reading them).
setxkbmap dk 2>/dev/null || true
QT_QPA_PLATFORM=xcb "$APP" "$FILE" &
PID=$!
WID=$(xdotool search --sync --onlyvisible --name "Kompetencedialog" | head -n 1)
xdotool windowfocus --sync "$WID"
for text in "Første pointe fra salen" "Anden pointe: nyt system" "Tredje pointe om MUS"; do
    xdotool type --delay 15 "$text"
    xdotool key Return
done
xdotool key ctrl+s
xdotool key ctrl+q
wait "$PID"
