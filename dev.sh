#!/usr/bin/env bash
# One entry point for set-up and daily commands. Each command first installs
# whatever is missing: Debian packages (as root via apt-get, otherwise it stops
# and prints the exact command), a .venv with the project, then runs.
#
#   ./dev.sh run [ARGS…]   open the explorer (ARGS go to main.py)
#   ./dev.sh test [ARGS…]  run the whole test suite (ARGS go to pytest)
#   ./dev.sh lint          ruff check + format check, mypy, import-linter layer contracts
#   ./dev.sh bench         the performance benchmark
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
PY="$VENV/bin/python"
# Graphviz lays the diagrams out; python3-venv makes the .venv. Qt needs these
# libraries even offscreen (tests) …
CORE_PACKAGES=(graphviz python3-venv libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 fonts-dejavu-core)
# … and these for a real window on X11 (Qt 6.5+ needs libxcb-cursor0).
WINDOW_PACKAGES=(libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xfixes0)

missing_debian_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || echo "$pkg"
  done
}

ensure_debian_packages() {
  command -v dpkg-query >/dev/null 2>&1 || {
    command -v dot >/dev/null 2>&1 || { echo "Graphviz is missing: install it (https://graphviz.org/download/) so 'dot' is on PATH." >&2; exit 1; }
    return 0
  }
  local missing
  missing=$(missing_debian_packages "$@" | tr '\n' ' ')
  [ -z "${missing// /}" ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing Debian packages: $missing"
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086
    apt-get install -y -qq $missing >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq $missing >/dev/null; }
  else
    echo "Missing system packages. Run: sudo apt-get install -y $missing" >&2
    exit 1
  fi
}

ensure_venv() {
  local stamp="$VENV/.installed"
  if [ ! -x "$PY" ]; then
    python3 -m venv "$VENV"
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    "$PY" -m pip install --quiet --upgrade pip
    "$PY" -m pip install --quiet -e ".[test]"
    touch "$stamp"
  fi
  ensure_pyside_support_unpacked
}

# PySide compiles the Python modules embedded in shiboken6 from source at every start: ~12 ms of
# each process that imports Qt (the window, a PNG export). Unpacked beside it by PySide's own switch
# (SBK_EMBED=0) and byte-compiled, they load from bytecode like any other module. Done again when
# the installed shiboken6 is another version than the one unpacked.
ensure_pyside_support_unpacked() {
  local package version files
  for package in "$VENV"/lib/python3*/site-packages/shiboken6; do
    [ -f "$package/__init__.py" ] || continue
    version=$(grep -m1 '^__version__' "$package/__init__.py")
    files="$package/files.dir"
    [ -f "$files/.unpacked" ] && [ "$(cat "$files/.unpacked")" = "$version" ] && continue
    rm -rf "$files"
    SBK_EMBED=0 "$PY" -c "import shiboken6" && "$PY" -m compileall -q "$files" >/dev/null &&
      echo "$version" >"$files/.unpacked" || rm -rf "$files"
  done
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  run)
    ensure_debian_packages "${CORE_PACKAGES[@]}" "${WINDOW_PACKAGES[@]}"
    ensure_venv
    exec "$PY" main.py "$@"
    ;;
  test)
    ensure_debian_packages "${CORE_PACKAGES[@]}"
    ensure_venv
    "$VENV/bin/ruff" check --quiet .
    "$VENV/bin/ruff" format --check --quiet .
    "$PY" -m mypy                           # strict for models/ (see pyproject.toml)
    "$VENV/bin/lint-imports" --no-cache     # the layer contracts
    exec "$PY" -m pytest -n auto "$@"   # one worker per core (pytest-xdist)
    ;;
  lint)
    ensure_venv
    "$VENV/bin/ruff" check .
    "$VENV/bin/ruff" format --check .
    "$PY" -m mypy
    exec "$VENV/bin/lint-imports" --no-cache
    ;;
  bench)
    ensure_debian_packages "${CORE_PACKAGES[@]}"
    ensure_venv
    exec "$PY" -m bench "$@"
    ;;
  *)
    echo "usage: ./dev.sh run|test|lint|bench [ARGS…]" >&2
    exit 2
    ;;
esac
