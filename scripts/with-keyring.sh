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
#   The private bus activates no services: were the daemon to die, D-Bus would otherwise start a
#   fresh one with a locked keyring whose unlock prompt nobody can answer, and keychain calls would
#   wait on it. Without activation they fail at once with "not provided by any .service files".
#   SAMDESK_KEYRING_DIR keeps that keyring in a folder of your choosing instead, so it outlives the
#   command (the demo keeps its profiles' tokens between runs this way).
# - macOS and Windows have their own keychains: run the command as is.
# The command's exit code is this script's exit code. No X server is started: tests are headless.
set -uo pipefail

if [ $# -eq 0 ]; then
  echo "usage: bash scripts/with-keyring.sh CMD [ARGS...]" >&2
  exit 2
fi

# Inner half: we are the command of our own dbus-run-session.
if [ "${1:-}" = "--inside-private-bus" ]; then
  keyring_home=$2
  shift 2
  # The password only unlocks this throwaway keyring. XDG_DATA_HOME is set for the daemon alone,
  # so its login keyring is created in $keyring_home; the command keeps the caller's environment.
  if ! daemon_env=$(printf '%s' 'samdesk-ci' |
    XDG_DATA_HOME="$keyring_home" timeout 20 gnome-keyring-daemon --unlock --components=secrets); then
    echo "with-keyring: gnome-keyring-daemon failed to start" >&2
    exit 1
  fi
  # It prints NAME=value lines (GNOME_KEYRING_CONTROL, ...) for the session to export.
  while IFS= read -r line; do
    case "$line" in
      [A-Za-z_]*=*) export "${line?}" ;;
    esac
  done <<<"$daemon_env"
  # Ready means answering: store, read back and remove a probe secret, each call bounded.
  ready=false
  for _ in 1 2 3 4 5; do
    if printf 'probe' | timeout 10 secret-tool store --label='SAM Desk keyring probe' samdesk-probe ready 2>/dev/null &&
      [ "$(timeout 10 secret-tool lookup samdesk-probe ready 2>/dev/null)" = probe ] &&
      timeout 10 secret-tool clear samdesk-probe ready 2>/dev/null; then
      ready=true
      break
    fi
    sleep 1
  done
  if [ "$ready" != true ]; then
    echo "with-keyring: the private keyring does not answer (secret-tool store/lookup failed)" >&2
    exit 1
  fi
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

for tool in dbus-run-session gnome-keyring-daemon secret-tool; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: no Secret Service on the session bus, and $tool is missing" \
      "(Debian: apt-get install dbus gnome-keyring libsecret-tools); running without a keychain" >&2
    exec "$@"
  fi
done

if [ -n "${SAMDESK_KEYRING_DIR:-}" ]; then
  keyring_home=$SAMDESK_KEYRING_DIR
  mkdir -p "$keyring_home" && chmod 700 "$keyring_home"
else
  keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/samdesk-keyring.XXXXXX")
  trap 'rm -rf "$keyring_home"' EXIT
fi
mkdir -p "$keyring_home/data"
# The session bus of /usr/share/dbus-1/session.conf without <standard_session_servicedirs/>.
cat >"$keyring_home/bus.conf" <<'XML'
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
XML
dbus-run-session --config-file="$keyring_home/bus.conf" -- \
  bash "${BASH_SOURCE[0]}" --inside-private-bus "$keyring_home/data" "$@"
