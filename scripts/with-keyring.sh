#!/usr/bin/env bash
# Runs a command where keytar can reach a Secret Service (the OS keychain on Linux).
#
#   bash scripts/with-keyring.sh CMD [ARGS...]
#
# - A Secret Service already owns org.freedesktop.secrets on the session bus (a desktop
#   session): run the command as is.
# - Otherwise (headless Linux, CI): re-run inside a private `dbus-run-session` with a throwaway
#   gnome-keyring whose login keyring lives in a temporary directory, so a developer's own
#   keyring is never touched. The bus and the daemon end with the command.
# - macOS and Windows have their own keychains: run the command as is.
# The command's exit code is this script's exit code. No X server is started: tests are headless.
set -uo pipefail

if [ $# -eq 0 ]; then
  echo "usage: bash scripts/with-keyring.sh CMD [ARGS...]" >&2
  exit 2
fi

# Inner half: we are the command of our own dbus-run-session.
if [ "${1:-}" = "--inside-private-bus" ]; then
  shift
  keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/samdesk-keyring.XXXXXX")
  trap 'rm -rf "$keyring_home"' EXIT
  # The password only unlocks this throwaway keyring. XDG_DATA_HOME is set for the daemon alone,
  # so its login keyring is created in $keyring_home; the command keeps the caller's environment.
  if ! daemon_env=$(printf '%s' 'samdesk-ci' |
    XDG_DATA_HOME="$keyring_home" gnome-keyring-daemon --unlock --components=secrets); then
    echo "with-keyring: gnome-keyring-daemon failed to start" >&2
    exit 1
  fi
  # It prints NAME=value lines (GNOME_KEYRING_CONTROL, ...) for the session to export.
  while IFS= read -r line; do
    case "$line" in
      [A-Za-z_]*=*) export "${line?}" ;;
    esac
  done <<<"$daemon_env"
  "$@"
  exit $?
fi

secret_service_on_bus() {
  [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || return 1
  if command -v dbus-send >/dev/null 2>&1; then
    # Owned, not merely activatable: an activated daemon would have no unlocked login keyring.
    timeout 5 dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
      grep -q 'boolean true'
  elif command -v secret-tool >/dev/null 2>&1; then
    # Exit 0 (found) or 1 (nothing found) both mean the service answered; errors print a message.
    local err
    err=$(timeout 5 secret-tool search --all samdesk-probe x 2>&1 >/dev/null)
    [ -z "$err" ]
  else
    return 1
  fi
}

case "$(uname -s)" in
  Linux) ;;
  *) exec "$@" ;; # macOS Keychain / Windows Credential Manager need no setup.
esac

if secret_service_on_bus; then
  exec "$@"
fi

if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "with-keyring: no Secret Service on the session bus, and dbus-run-session or" \
    "gnome-keyring-daemon is missing (Debian: apt-get install dbus gnome-keyring);" \
    "running without a keychain" >&2
  exec "$@"
fi

exec dbus-run-session -- bash "${BASH_SOURCE[0]}" --inside-private-bus "$@"
