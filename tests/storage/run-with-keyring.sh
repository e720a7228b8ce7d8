#!/bin/sh
# Runs a test inside a private D-Bus session with an unlocked gnome-keyring, so that QtKeychain talks
# to a real Secret Service without touching the user's own keyring.
set -eu
if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
    echo "dbus-run-session or gnome-keyring-daemon is missing: install dbus and gnome-keyring" >&2
    exit 1
fi
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
exec dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null && ARRSM_EXPECT_KEYCHAIN=1 exec "$@"' keyring "$@"
