#!/usr/bin/env bash
# Runs a command with an X display, so the clipboard tests have a real desktop clipboard.
#
#   bash scripts/with-display.sh CMD [ARGS...]
#
# - DISPLAY or WAYLAND_DISPLAY is set (a desktop session), or not Linux: run the command as is.
# - Otherwise (headless Linux, CI): start a private Xvfb on a free display number (-displayfd),
#   run the command with DISPLAY pointing at it, and stop it afterwards. Without Xvfb the command
#   runs as is and the clipboard tests fail saying there is no display (Debian: apt-get install xvfb xclip).
# The command's exit code is this script's exit code.
set -uo pipefail

if [ $# -eq 0 ]; then
  echo "usage: bash scripts/with-display.sh CMD [ARGS...]" >&2
  exit 2
fi

if [ "$(uname -s)" != Linux ] || [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$@"
fi
if ! command -v Xvfb >/dev/null 2>&1; then
  echo "with-display: no DISPLAY and no Xvfb (Debian: apt-get install xvfb xclip); running without a display" >&2
  exec "$@"
fi

folder=$(mktemp -d "${TMPDIR:-/tmp}/samdesk-display.XXXXXX")
mkfifo "$folder/displayfd"
# -nolisten tcp: local clients only. Xvfb writes the display number it took to fd 3 once it is ready.
Xvfb -displayfd 3 -nolisten tcp -screen 0 1280x800x24 3>"$folder/displayfd" >"$folder/xvfb.log" 2>&1 &
xvfb=$!
cleanup() {
  kill "$xvfb" 2>/dev/null
  wait "$xvfb" 2>/dev/null
  rm -rf "$folder"
}
trap cleanup EXIT
if ! number=$(timeout 20 head -n 1 "$folder/displayfd") || [ -z "$number" ]; then
  echo "with-display: Xvfb did not start within 20 s:" >&2
  cat "$folder/xvfb.log" >&2
  exit 1
fi
export DISPLAY=":$number"
"$@"
