#!/usr/bin/env bash
# The release build: a static binary for any x86_64 Linux (musl libc, no glibc version
# needed, so it runs on Debian 10/11, Ubuntu 18.04/20.04, CentOS 7 …), stripped, at most
# 12 MB, and the Debian package around it (cargo-deb; README "Install on a server").
#
#   scripts/release.sh            # binary and package
#   scripts/release.sh --bin      # the binary only
#
# Needs: rustup's x86_64-unknown-linux-musl target, Debian's musl-tools (musl-gcc, for the
# bundled SQLite), cargo-deb (`cargo install cargo-deb --locked`) and visudo (package sudo).
# Run as root it installs the first two itself. Not run in CI.
# Prints the paths of what it made, last, one a line.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=x86_64-unknown-linux-musl
LIMIT=$((12 * 1024 * 1024))
only_bin=0
[[ ${1:-} == --bin ]] && only_bin=1

die() { echo "release: $*" >&2; exit 2; }

if ! rustup target list --installed | grep -qx "$TARGET"; then
    rustup target add "$TARGET"
fi
if ! command -v musl-gcc >/dev/null; then
    [[ $(id -u) -eq 0 ]] || die "needs musl-gcc: sudo apt-get install musl-tools"
    apt-get update -qq && apt-get install -y -qq musl-tools
fi

cargo build --release --locked --target "$TARGET"
BIN=target/$TARGET/release/meja

# Static and stripped, or it is not the binary this script promises.
desc=$(file -b "$BIN" 2>/dev/null || true)
if ldd "$BIN" >/dev/null 2>&1 && ! ldd "$BIN" 2>&1 | grep -q "statically linked"; then
    die "$BIN is dynamically linked: $(ldd "$BIN" | head -3)"
fi
[[ $desc == *"not stripped"* ]] && die "$BIN is not stripped"
size=$(stat -c %s "$BIN")
((size <= LIMIT)) || die "$BIN is $size bytes, over the 12 MB target"
echo "release: $BIN: $size bytes (limit $LIMIT), static${desc:+, $desc}"
"$BIN" --version >/dev/null

if ((only_bin)); then
    echo "$BIN"
    exit 0
fi

command -v cargo-deb >/dev/null || die "needs cargo-deb: cargo install cargo-deb --locked"
command -v visudo >/dev/null || die "needs visudo to check the sudo rule: apt-get install sudo"
# A broken file in /etc/sudoers.d breaks sudo for everyone: never ship one.
visudo -cf packaging/sudoers >/dev/null || die "packaging/sudoers fails visudo -c"

# Every commit gets a version higher than the one before: 0.1.0+<commits>.g<hash>, so
# installing a newer build over an older one is an upgrade, with its upgrade steps.
# MEJA_DEB_VERSION overrides it (scripts/install-test.sh builds an older commit from an
# export that has no git history).
base=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
version=${MEJA_DEB_VERSION:-"$base+$(git rev-list --count HEAD).g$(git rev-parse --short=8 HEAD)"}
mkdir -p target/debian
deb=$(cargo deb --no-build --target "$TARGET" --deb-version "$version" \
    --output "target/debian/meja_${version}_amd64.deb" | tail -1)
[[ -f $deb ]] || die "cargo deb made no package"
echo "release: package $deb"
echo "$BIN"
echo "$deb"
