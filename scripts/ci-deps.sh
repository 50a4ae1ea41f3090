#!/usr/bin/env bash
# Installs the system packages the app and its tests need on Debian/Ubuntu:
# Qt's runtime libraries (offscreen GUI tests), fonts for Vietnamese, Cyrillic and Devanagari,
# and the PostgreSQL server binaries the team-store tests start in a temporary folder.
# Does nothing when everything is present; needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
  libegl1 libgl1 libx11-6 libx11-xcb1 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
  libxkbcommon0 libxkbcommon-x11-0
  fonts-dejavu-core fonts-noto-core
  postgresql
)

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "ci-deps: not a Debian-like system; install Qt's libraries and PostgreSQL yourself." >&2
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "ci-deps: all system packages present."
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "ci-deps: missing ${missing[*]}; run this script as root." >&2
    exit 1
  fi
fi

echo "ci-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
