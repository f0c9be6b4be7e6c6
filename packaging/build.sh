#!/usr/bin/env bash
# Build the one-folder application with PyInstaller and put the desktop entry and icon beside it.
#   packaging/build.sh [PYTHON]      (PYTHON defaults to python3; it needs strikeview and pyinstaller)
# Result: packaging/dist/strikeview/strikeview (run `strikeview --version` to check),
#         packaging/dist/share/applications/strikeview.desktop, .../icons/hicolor/scalable/apps/strikeview.svg
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python="${1:-python3}"
cd "$here"
"$python" -m PyInstaller --noconfirm --clean --distpath dist --workpath build strikeview.spec
install -D -m 644 strikeview.desktop dist/share/applications/strikeview.desktop
install -D -m 644 ../resources/icons/strikeview.svg dist/share/icons/hicolor/scalable/apps/strikeview.svg
dist/strikeview/strikeview --version
