#!/usr/bin/env bash
# Install one Debian package for the test suite's real servers, or fail loudly saying what cannot run.
# Usage: debian-install.sh CALLER PACKAGE WHAT_NEEDS_IT HINT
#   CALLER names the script in messages; HINT says what to do by hand when apt-get is not available.
set -euo pipefail

caller="$1" package="$2" needs="$3" hint="$4"
if ! command -v apt-get >/dev/null; then
    echo "$caller: $package is missing and apt-get is not available: $hint" >&2
    exit 1
fi
SUDO=""
if [[ "$(id -u)" != 0 ]]; then
    SUDO="sudo"
fi
echo "$caller: installing $package from Debian packages" >&2
if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$package" >/dev/null; }; then
    echo "$caller: could not install the $package package (see above); $needs cannot run" >&2
    exit 1
fi
