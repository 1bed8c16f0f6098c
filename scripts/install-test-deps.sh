#!/usr/bin/env bash
# System packages the tests need: Debian's Chromium (Playwright drives it; its own browser download is not
# used) and ffmpeg (real clips → y4m for the fake camera, video decoding in the analyzer). Skips what is there.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v ffmpeg >/dev/null 2>&1; then
  exit 0
fi
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
"${as_root[@]}" apt-get update
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y chromium ffmpeg
