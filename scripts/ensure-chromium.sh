#!/usr/bin/env bash
# Make sure a headless-capable Chromium is installed for the browser tests (tests/web/): Playwright for
# Python drives Debian's `chromium` package at /usr/bin/chromium (we never download Playwright's own
# browser builds). Installs the package when it is missing; fails loudly when it cannot.
set -euo pipefail

CHROMIUM="${STRIFE_CHROMIUM:-/usr/bin/chromium}"
if [[ -x "$CHROMIUM" ]]; then
    exit 0
fi
bash "$(dirname "$0")/debian-install.sh" ensure-chromium chromium "the browser tests" \
    "install Chromium, then set STRIFE_CHROMIUM to its executable"
if [[ ! -x "$CHROMIUM" ]]; then
    echo "ensure-chromium: the chromium package is installed but $CHROMIUM is not there; set STRIFE_CHROMIUM to its executable" >&2
    exit 1
fi
exit 0
