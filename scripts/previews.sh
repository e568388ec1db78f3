#!/usr/bin/env bash
# Renders the demo deck to one PNG per slide under docs/previews/ (LibreOffice + poppler).
# Usage: scripts/previews.sh [DECK.pptx] [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
deck=${1:-out/demo.pptx}
out=${2:-docs/previews}
if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
  echo "previews: needs LibreOffice and poppler (apt-get install libreoffice-impress poppler-utils fonts-noto-cjk)" >&2
  exit 3
fi
if [ "$deck" = out/demo.pptx ]; then npm run --silent demo; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
soffice -env:UserInstallation=file://"$work/profile" --headless --convert-to pdf --outdir "$work" "$deck" >/dev/null 2>&1
mkdir -p "$out"
rm -f "$out"/slide-*.png
pdftoppm -png -r 60 "$work/$(basename "${deck%.*}").pdf" "$out/slide"
echo "previews: $(ls "$out"/slide-*.png | wc -l) slide(s) in $out"
