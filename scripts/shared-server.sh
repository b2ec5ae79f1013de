#!/usr/bin/env bash
# Installs meja for several front-desk workers on one server, and proves the install works.
#
#   sudo scripts/shared-server.sh [path/to/meja]      # install, then run the checks
#   sudo scripts/shared-server.sh --remove            # take the example accounts away again
#
# The layout (README "Server bersama / shared server"):
#   - a system account `meja` owns /var/lib/meja (0700) and the database in it (0600);
#   - workers are in the group `ppa` and reach meja only through
#     `sudo -u meja /usr/local/bin/meja` (a wrapper, `meja-desk`, types that for them);
#     sudo sets SUDO_USER, which meja takes as the worker's identity and which the worker
#     cannot choose;
#   - `meja migrate` runs once, as the deploy step, before anyone signs in.
# It uses the same files as the Debian package (packaging/; README "Install on a server"),
# which is the way to install on a server that runs Debian or Ubuntu.
# The checks create two example workers, ani (supervisor) and budi (front desk), and test
# what each can and cannot do. Not run in CI: it needs root and changes /etc.
set -euo pipefail

DATA=/var/lib/meja
DB=$DATA/meja.db
BIN=/usr/local/bin/meja
WRAP=/usr/local/bin/meja-desk
SUDOERS=/etc/sudoers.d/meja

if [[ $(id -u) -ne 0 ]]; then
    echo "run as root (sudo $0)" >&2
    exit 2
fi

if [[ ${1:-} == --remove ]]; then
    for u in ani budi; do userdel -r "$u" 2>/dev/null || true; done
    userdel meja 2>/dev/null || true
    groupdel ppa 2>/dev/null || true
    rm -rf "$DATA" /var/backups/meja "$SUDOERS" "$WRAP" "$BIN"
    echo "removed"
    exit 0
fi

command -v sudo >/dev/null || { echo "needs sudo: apt-get install -y sudo" >&2; exit 2; }
SRC=${1:-target/release/meja}
[[ -x $SRC ]] || { echo "no meja binary at $SRC: cargo build --release first" >&2; exit 2; }

step() { printf '\n== %s\n' "$*"; }

# The same files the Debian package installs (packaging/), with the binary in /usr/local/bin
# instead of /usr/bin: one definition of the accounts, the wrapper and the sudo rule.
PKG=$(cd "$(dirname "$0")/../packaging" && pwd)

step "accounts and folders (packaging/meja-accounts)"
MEJA_DATA=$DATA "$PKG/meja-accounts"
install -m 0755 "$SRC" "$BIN"

step "the wrapper workers run, and the sudo rule behind it (packaging/meja-desk, sudoers)"
sed "s#/usr/bin/meja#$BIN#g" "$PKG/meja-desk" > "$WRAP"
chmod 0755 "$WRAP"
rule=$(mktemp)
sed "s#/usr/bin/meja#$BIN#g" "$PKG/sudoers" > "$rule"
# Checked before it is put where sudo reads it: a broken rule there breaks sudo for everyone.
visudo -cf "$rule" >/dev/null
install -m 0440 "$rule" "$SUDOERS"
rm -f "$rule"

step "example workers"
for u in ani budi; do
    id "$u" >/dev/null 2>&1 || useradd --create-home --groups ppa --shell /bin/bash "$u"
done

step "deploy step: meja migrate (creates the database)"
sudo -u meja "$BIN" --db "$DB" migrate

as() { local who=$1; shift; su "$who" -c "$*"; }

step "first supervisor: ani, identity from SUDO_USER"
as ani "MEJA_NEW_PIN=2468 $WRAP staff add ani --name 'Ani Wulandari' --role supervisor"
as ani "MEJA_PIN=2468 MEJA_NEW_PIN=1357 $WRAP staff add budi --name 'Budi Santoso' --role petugas"

fail=0
check() { if "$@"; then echo "ok   $CHECK"; else echo "FAIL $CHECK"; fail=1; fi; }

CHECK="database is 0600 and owned by meja"
check test "$(stat -c '%a %U' "$DB")" = "600 meja"
CHECK="budi cannot read the database file directly"
check bash -c "! su budi -c 'cat $DB' >/dev/null 2>&1"
CHECK="budi (front desk) may not read the access log"
check bash -c "! su budi -c 'MEJA_PIN=1357 $WRAP audit' >/dev/null 2>&1"
CHECK="budi cannot pass himself off as ani with --user"
check bash -c "su budi -c 'MEJA_PIN=2468 $WRAP --user ani audit' 2>&1 | grep -q sudo"
CHECK="a wrong PIN is refused"
check bash -c "! su budi -c 'MEJA_PIN=0000 $WRAP staff set-pin budi' >/dev/null 2>&1"
CHECK="ani reads the log, with budi's failed attempt under budi's name"
check bash -c "su ani -c 'MEJA_PIN=2468 $WRAP audit --staff budi' | grep -q 'gagal masuk'"
CHECK="a second migrate changes nothing"
check bash -c "sudo -u meja $BIN --db $DB migrate | grep -q 'sudah terbaru'"

echo
if [[ $fail -eq 0 ]]; then
    echo "shared-server install: all checks passed"
    echo "workers start meja with: $WRAP"
else
    echo "shared-server install: some checks FAILED" >&2
    exit 1
fi
