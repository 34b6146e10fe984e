#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what a fresh Debian 12 machine lacks to build, run and test Shangce.
# As root it runs apt-get; otherwise it prints the exact command and stops.
# Sourced by run.sh and test.sh; SHANGCE_DEPS_EXTRA adds packages.

shangce_packages=(
  meson ninja-build gcc pkg-config
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libxml2-dev libxml2-utils libcairo2-dev libpango1.0-dev zlib1g-dev
  gettext itstool yelp-tools desktop-file-utils appstream
  shared-mime-info fonts-noto-cjk librsvg2-common libxlsxwriter-dev
)
shangce_test_packages=(
  xvfb xauth dbus dbus-x11 flatpak-builder poppler-utils python3
  clang libclang-rt-14-dev locales valgrind xdotool x11-xserver-utils
  at-spi2-core python3-pyatspi python3-openpyxl
)

shangce_ensure_deps () {
  local want=("${shangce_packages[@]}")
  if [ "${1:-}" = "--tests" ]; then
    want+=("${shangce_test_packages[@]}")
  fi
  want+=(${SHANGCE_DEPS_EXTRA:-})
  local missing=()
  local p
  for p in "${want[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Shangce needs these Debian packages. Install them with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
  echo "Installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; then
    apt-get update -q >&2 || return 1
    apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 || return 1
  fi
}

# Locales the determinism tests switch to (a decimal comma, and Chinese).
shangce_ensure_locales () {
  local have want=() l
  have=$(locale -a 2>/dev/null | tr 'A-Z' 'a-z')
  for l in zh_CN.UTF-8 de_DE.UTF-8; do
    case "$have" in *"$(echo "${l%%.*}.utf8" | tr 'A-Z' 'a-z')"*) ;; *) want+=("$l");; esac
  done
  [ ${#want[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] && [ -f /etc/locale.gen ] || { echo "Locales ${want[*]} missing: those test cases will skip." >&2; return 0; }
  for l in "${want[@]}"; do
    grep -q "^${l} UTF-8" /etc/locale.gen || echo "${l} UTF-8" >> /etc/locale.gen
  done
  locale-gen >/dev/null 2>&1 || true
}
