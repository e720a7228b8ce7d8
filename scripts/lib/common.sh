# Shared by scripts/run and scripts/test: install what the build needs, then configure and build.
# shellcheck shell=bash

ARRSM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ARRSM_BUILD_DIR=${ARRSM_BUILD_DIR:-$ARRSM_ROOT/build}

# Debian/Ubuntu package names for everything the build and the tests use (the team history's line: the
# PostgreSQL server the tests start for themselves, Qt's driver for it, and promtool for the alert rules;
# the last line: the .deb of scripts/package, its dependencies from dpkg-shlibdeps, and the validators of
# the desktop files). Debian has promtool only inside `prometheus`: the whole server, about 20 MB to
# download and 320 MB installed with its web UI's JavaScript (210 MB of it time-zone data), and on a
# machine that runs systemd its package starts a Prometheus server on port 9090.
ARRSM_PACKAGES=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qtkeychain-qt6-dev qt6-svg-dev qt6-charts-dev libqt6opengl6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev
    libqt6sql6-sqlite python3-prometheus-client
    postgresql libqt6sql6-psql prometheus
    clang-format curl dbus gnome-keyring xvfb at-spi2-core python3-pyatspi
    dpkg-dev desktop-file-utils appstream
)

arrsm_log() { printf '==> %s\n' "$*" >&2; }

arrsm_install_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        arrsm_log "Not a Debian or Ubuntu system: install Qt 6.4 or newer (Core, Network, Widgets, Svg, Test),"
        arrsm_log "QtKeychain for Qt 6, CMake 3.21+ and a C++17 compiler, then run this again."
        return 0
    fi
    local missing=() pkg
    for pkg in "${ARRSM_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            arrsm_log "Missing packages: ${missing[*]}"
            arrsm_log "Install them as root (apt-get install ${missing[*]}) and run this again."
            return 1
        fi
    fi
    arrsm_log "Installing: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# arrsm_build [extra cmake arguments...]
arrsm_build() {
    local generator=()
    command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
    local werror=OFF
    [ -n "${CI:-}" ] && werror=ON
    if [ ! -f "$ARRSM_BUILD_DIR/CMakeCache.txt" ]; then
        arrsm_log "Configuring in $ARRSM_BUILD_DIR"
        cmake -S "$ARRSM_ROOT" -B "$ARRSM_BUILD_DIR" "${generator[@]}" \
            -DCMAKE_BUILD_TYPE="${ARRSM_BUILD_TYPE:-RelWithDebInfo}" -DARRSM_WARNINGS_AS_ERRORS=$werror "$@"
    else
        cmake "$ARRSM_BUILD_DIR" -DARRSM_WARNINGS_AS_ERRORS=$werror "$@" >/dev/null
    fi
    arrsm_log "Building"
    cmake --build "$ARRSM_BUILD_DIR" --parallel "$(nproc 2>/dev/null || echo 2)"
}
