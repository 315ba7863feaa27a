# Shared by scripts/run and scripts/test: install only the missing Debian packages, then build.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Everything the build, the kiosk and the tests need, all from Debian.
PACKAGES=(
  cmake ninja-build g++ pkg-config
  libsqlite3-dev sqlite3 libsodium-dev nlohmann-json3-dev catch2
  libimgui-dev libstb-dev libglfw3-dev libgl-dev libgl1-mesa-dri
  xvfb xauth xdotool fonts-dejavu-core
  python3 python3-jsonschema
  libicu-dev # trainer/i18n/format, trainer/core/org_time_zone: CLDR numbers and dates, tz database
  clang libclang-rt-dev # the asan preset (what scripts/test and CI build); bench/fuzz: libFuzzer targets
  postgresql libpq-dev openssl # central store (tests start a throwaway cluster; scripts/run needs none)
  libstemmer-dev libhunspell-dev hunspell-pl hunspell-ru hunspell-en-us # search word forms
  libxlsxwriter-dev # trainer motivation --format xlsx
  libminizip-dev libexpat1-dev # trainer content import FILE.xlsx (zip container, sheet XML)
  libcurl4-openssl-dev # trainer xapi push (HTTP to an LRS)
)

install_missing_packages() {
  local missing=()
  # tests/xapi installs the xapi-validation checker with npm into the build folder. Machines that
  # ship their own Node.js (not Debian's package) already have npm: Debian's would conflict there.
  if ! command -v npm > /dev/null 2>&1; then missing+=(nodejs npm); fi
  for p in "${PACKAGES[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "== installing missing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# build PRESET: configure (once) and build with the CMake preset.
build_preset() {
  local preset="$1"
  cd "$ROOT"
  local dir=build
  [ "$preset" = asan ] && dir=build-asan
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    # CI (CI=true) builds with every warning an error; a developer's build only warns.
    if [ "${CI:-}" = "true" ]; then export TRAINER_WERROR=ON; fi
    cmake --preset "$preset"
  fi
  # Everything but the benchmark programs (bench/run turns them on in build/).
  cmake --build --preset "$preset" -j "$(nproc)"
}

# Runs "$@" with a virtual display when there is none.
with_display() {
  if [ -n "${DISPLAY:-}" ] && [ -z "${FORCE_XVFB:-}" ]; then
    "$@"
  else
    xvfb-run -a -s "-screen 0 1920x1080x24" "$@"
  fi
}
