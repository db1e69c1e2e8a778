#!/bin/sh
# Export both example workshops to Word, render the pages with LibreOffice and poppler, and
# save the page images under docs/screenshots/ for review.
#   apt-get install libreoffice-writer-nogui poppler-utils fonts-crosextra-carlito
#   sh scripts/render_documents.sh
set -eu
cd "$(dirname "$0")/.."
out=docs/screenshots
work=$(mktemp -d)
for ws in strategi grus; do
    .venv/bin/kompetencedialog new --workshop "$ws" --example -o "$work/$ws.kdlg" --force >/dev/null
    QT_QPA_PLATFORM=offscreen .venv/bin/kompetencedialog export "$work/$ws.kdlg" --docx "$work/$ws.docx" --pdf "$work/$ws-plader.pdf" >/dev/null
    (cd "$work" && soffice --headless --convert-to pdf "$ws.docx" >/dev/null 2>&1)
    rm -f "$out/docx-$ws"-*.png
    pdftoppm -r 70 -png "$work/$ws.pdf" "$out/docx-$ws"
    pdftoppm -r 70 -png -f 1 -l 1 "$work/$ws-plader.pdf" "$out/pdf-$ws-plade"
    echo "$ws: $(ls "$out/docx-$ws"-*.png | wc -l) sider"
done
rm -rf "$work"

# The loop: a GRUS's lead-in to MUS and SU's evaluation report across three groups.
work=$(mktemp -d)
.venv/bin/python scripts/loop_demo.py "$work" >/dev/null
(cd "$work" && soffice --headless --convert-to pdf opspil-til-mus.docx evaluering.docx >/dev/null 2>&1)
rm -f "$out"/mus-*.png "$out"/evaluering-*.png
pdftoppm -r 70 -png "$work/opspil-til-mus.pdf" "$out/mus"
pdftoppm -r 70 -png "$work/evaluering.pdf" "$out/evaluering"
echo "loop: $(ls "$out"/mus-*.png | wc -l) side(r) MUS-opspil, $(ls "$out"/evaluering-*.png | wc -l) side(r) evaluering"
rm -rf "$work"
