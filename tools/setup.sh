# Shared set-up of tools/run and tools/test (sourced, not run): installs the
# Debian packages the build needs, configures build/ and builds. Everything
# it says goes to stderr, so a program run by tools/run owns stdout.
# Expects ESHKOL_ROOT to be the repository's top folder.

# The packages the build and the tests need. libclang-rt-dev holds the
# sanitizer runtimes for the asan golden configuration; Debian only
# recommends it with clang. guile-3.0 is the reference Scheme of the
# conformance suite (by hand) and of the differential test (tests/difftest);
# cmake and libsqlite3-dev build the example C projects (tests/integration);
# tcc and libtcc-dev compile the forms of eshkolc --repl in memory, libedit-dev
# edits its lines.
ESHKOL_PACKAGES=(g++ clang libclang-rt-dev meson ninja-build libboost-dev unicode-data
                 libfmt-dev doctest-dev python3 pkg-config guile-3.0
                 cmake libsqlite3-dev tcc libtcc-dev libedit-dev)

eshkol_install_packages() {
    local missing=() pkg
    for pkg in "${ESHKOL_PACKAGES[@]}"; do
        if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]]; then
            missing+=("$pkg")
        fi
    done
    ((${#missing[@]} == 0)) && return 0
    local sudo=()
    [[ "$(id -u)" == 0 ]] || sudo=(sudo)
    echo "setup: installing ${missing[*]}" >&2
    "${sudo[@]}" apt-get update >&2
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y \
        --no-install-recommends "${missing[@]}" >&2
}

# The golden areas (subfolders of tests/golden) as tests the build knows of,
# and as folders; meson only finds new folders when it reconfigures.
eshkol_golden_areas_changed() {
    local tests_json="$ESHKOL_ROOT/build/meson-info/intro-tests.json"
    [[ -f "$tests_json" ]] || return 0
    python3 - "$ESHKOL_ROOT/tests/golden" "$tests_json" <<'PY'
import json, os, sys
golden, tests_json = sys.argv[1], sys.argv[2]
folders = {e for e in os.listdir(golden)
           if os.path.isdir(os.path.join(golden, e)) and not e.startswith(".")}
known = {t["name"] for t in json.load(open(tests_json))
         if any("golden.py" in arg for arg in t["cmd"])
         and any(os.path.dirname(arg.rstrip("/")) == golden.rstrip("/") for arg in t["cmd"])}
sys.exit(0 if folders != known else 1)
PY
}

# Builds the given ninja targets (default: everything).
eshkol_build() {
    local build="$ESHKOL_ROOT/build"
    if [[ ! -f "$build/build.ninja" ]]; then
        meson setup "$build" "$ESHKOL_ROOT" >&2
    elif eshkol_golden_areas_changed; then
        echo "setup: tests/golden has new or removed areas; reconfiguring" >&2
        meson setup --reconfigure "$build" "$ESHKOL_ROOT" >&2
    fi
    ninja -C "$build" "$@" >&2
}

# tools/run passes the one target it needs (the compiler), so a first run
# on a fresh clone does not wait for the test binaries.
eshkol_setup() {
    eshkol_install_packages
    eshkol_build "$@"
}
