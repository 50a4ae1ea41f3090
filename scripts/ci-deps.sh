#!/usr/bin/env bash
# Installs the system packages the app and its tests need on Debian/Ubuntu:
# Qt's runtime libraries (offscreen GUI tests), fonts for Vietnamese, Cyrillic, Devanagari,
# Japanese and emoji, the PostgreSQL server binaries the team-store tests start in a temporary
# folder, and venv support where the Python in use lacks it. `make run` and `make test` call it.
# Does nothing when everything is present; needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
  # Qt's runtime libraries (libxcb-cursor0: Qt >= 6.5 on an X11 display).
  libegl1 libgl1 libx11-6 libx11-xcb1 libxcb-cursor0 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
  libxkbcommon0 libxkbcommon-x11-0
  # Latin, Vietnamese and Cyrillic (DejaVu), Devanagari (Noto), Japanese (Noto CJK), colour emoji.
  fonts-dejavu-core fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
  postgresql
)

# Debian's own Python splits venv/ensurepip into a package of its own; `make` needs it.
python=${PYTHON:-$(command -v python3.11 || command -v python3 || true)}
if [ -n "$python" ] && ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  packages+=(python3-venv)
fi

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
