#!/usr/bin/env bash
# Make sure a headless-capable Chromium is installed for the browser tests (tests/web/): Playwright for
# Python drives Debian's `chromium` package at /usr/bin/chromium (we never download Playwright's own
# browser builds). Installs the package when it is missing; fails loudly when it cannot.
set -euo pipefail

CHROMIUM="${STRIFE_CHROMIUM:-/usr/bin/chromium}"
if [[ -x "$CHROMIUM" ]]; then
    exit 0
fi
if ! command -v apt-get >/dev/null; then
    echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available: install Chromium, then set STRIFE_CHROMIUM to its executable" >&2
    exit 1
fi
SUDO=""
if [[ "$(id -u)" != 0 ]]; then
    SUDO="sudo"
fi
echo "ensure-chromium: installing Chromium from Debian packages" >&2
if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null; }; then
    echo "ensure-chromium: could not install the chromium package (see above); the browser tests cannot run" >&2
    exit 1
fi
if [[ ! -x "$CHROMIUM" ]]; then
    echo "ensure-chromium: the chromium package is installed but $CHROMIUM is not there; set STRIFE_CHROMIUM to its executable" >&2
    exit 1
fi
exit 0
