#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages that pip cannot provide.
#   run : what the app needs at run time (venv, WeasyPrint's Pango and fonts, gettext, and
#         xmlsec1, with which pysaml2 signs and checks SAML messages)
#   test: that plus the browser, PDF tools and the servers the suite runs against
# As root the missing ones are installed; otherwise the exact command to run is printed.
set -euo pipefail

mode=${1:-run}
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext xmlsec1)
# Debian's python3 ships without ensurepip unless python3-venv is installed.
python3 -c 'import ensurepip' 2>/dev/null || packages+=(python3-venv)
if [ "$mode" = test ]; then
    packages+=(chromium poppler-utils)
    # The servers are only needed where no command for them exists yet.
    command -v pg_ctlcluster >/dev/null || command -v postgres >/dev/null || packages+=(postgresql)
    command -v redis-server >/dev/null || packages+=(redis-server)
fi

if ! command -v dpkg-query >/dev/null; then
    echo "Not a Debian/Ubuntu system: make sure these (or your system's equivalents) are installed:"
    echo "  ${packages[*]}"
    exit 0
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "Umebrå needs these system packages. Install them with:"
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
    exit 1
fi

echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
