#!/bin/sh
# Black-box run of the real program on an X server (run it under xvfb-run):
# open FIL, type three notes with the keyboard only, Ctrl+S, Ctrl+Q.
#   xvfb-run -a -s "-noreset -screen 0 1920x1080x24" sh scripts/blackbox_keyboard.sh FIL [KOMMANDO]
# (tests/test_blackbox.py starts Xvfb with -displayfd instead, so parallel runs never collide)
set -eu
FILE="$1"
APP="${2:-kompetencedialog}"

# A Danish keyboard, as the secretary has, so æ, ø and å are real keys. Without it xdotool maps a
# spare key to the letter for a moment and maps it back, and a program that reads the new keymap
# a little late gets nothing: that lost the "ø" of "Første" now and then. The keymap used to be
# set before the program started, but an X server resets (keymap included) when its last client
# disconnects, so `setxkbmap dk` was undone at once. Now it is set while the program holds the
# server, and checked; the program sees the change before the first typed key (X keeps order).
danish_keymap() {
    for attempt in 1 2 3 4 5; do
        if setxkbmap -layout dk 2>/dev/null \
            && setxkbmap -query | grep -q '^layout: *dk$' \
            && xkbcomp -xkb "$DISPLAY" - 2>/dev/null | grep -q 'oslash'; then
            return 0
        fi
        sleep 0.2
    done
    echo "blackbox_keyboard.sh: kunne ikke sætte et dansk tastatur (setxkbmap -layout dk; kræver x11-xkb-utils og xkb-data)" >&2
    kill "$PID" 2>/dev/null || true
    exit 3
}

QT_QPA_PLATFORM=xcb "$APP" "$FILE" &
PID=$!
WID=$(xdotool search --sync --onlyvisible --name "Kompetencedialog" | head -n 1)
danish_keymap
echo "Tastatur: $(setxkbmap -query | sed -n 's/^layout: *//p')"
xdotool windowfocus --sync "$WID"
for text in "Første pointe fra salen" "Anden pointe: nyt system" "Tredje pointe om MUS"; do
    xdotool type --delay 15 "$text"
    xdotool key Return
done
xdotool key ctrl+s
xdotool key ctrl+q
wait "$PID"
