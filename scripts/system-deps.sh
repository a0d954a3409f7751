#!/usr/bin/env bash
# Installs the system tools the add-in checks need, only when missing:
#   xmllint (libxml2-utils) for the offline manifest validation,
#   /usr/bin/chromium for the end-to-end task pane test.
# Debian/Ubuntu; CI runs it as root on a fresh machine. Safe to run again.
set -euo pipefail
missing=()
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -eq 0 ]; then
  echo "system-deps: xmllint and chromium already installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
