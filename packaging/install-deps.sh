#!/usr/bin/env bash
# Installs the Debian 12 packages mpsim needs to build, test and run, and only
# those that are missing. Idempotent and non-interactive; needs root (or sudo).
#
#   packaging/install-deps.sh            build + test + run dependencies
#   packaging/install-deps.sh --bench    also Google Benchmark
set -euo pipefail

packages=(
    cmake ninja-build ccache g++ pkg-config dpkg-dev file
    qt6-base-dev qt6-base-dev-tools qt6-webengine-dev qt6-webengine-dev-tools
    qt6-webchannel-dev qt6-websockets-dev qt6-httpserver-dev libgl-dev
    nlohmann-json3-dev libspdlog-dev catch2
    xvfb xauth libqt6svg6 qt6-qpa-plugins
    # Babel (standalone build): the logic layer turns ES import/export into
    # CommonJS with it; compiled into the runtime resources.
    node-babel7-standalone
    # The compilers' libFuzzer targets (the "fuzz" preset).
    clang libclang-rt-14-dev
)
# Node.js runs the page runtime's JavaScript tests. A machine may have it from
# elsewhere (its npm then conflicts with Debian's): only install when absent.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
if [[ "${1:-}" == "--bench" ]]; then
    packages+=(libbenchmark-dev)
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "install-deps: all ${#packages[@]} packages are installed"
    exit 0
fi

echo "install-deps: installing ${#missing[@]} missing package(s): ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
