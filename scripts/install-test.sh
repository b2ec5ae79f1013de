#!/usr/bin/env bash
# Real installs of the Debian package on Debian 11 (bullseye), in chroots (not run in CI).
#
#   sudo scripts/install-test.sh                 # previous package = the commit before HEAD
#   sudo PREV=<commit> scripts/install-test.sh   # upgrade from another commit
#   sudo KEEP=1 scripts/install-test.sh          # leave the chroots and tmux to look at
#
# What it proves, each step checked and printed as ok/FAIL:
#   A. a fresh install of the current package: files, owners and modes, the sudo rule, the
#      timer enabled; the static binary runs `meja demo`, `staff add` and `check` on glibc
#      2.31; two workers start meja in tmux through meja-desk (sudo -u meja), one saves a
#      case and the other sees it on the board; the nightly backup (encrypted) is written,
#      checked, restorable and rotated; remove and purge keep the database, and a reinstall
#      finds the case.
#   B. the package of the previous commit installed, a case added, then the current package
#      installed over it: the copy taken before the upgrade, the case still there, `meja
#      check` healthy.
#
# Needs: root, debootstrap (Debian's package; it fetches bullseye once into
# $MEJA_INSTALL_TEST_DIR/base), mount, and what scripts/release.sh needs. Everything it makes
# is under $MEJA_INSTALL_TEST_DIR (default /var/tmp/meja-install-test); the host's own
# accounts and /etc are not touched.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
WORK=${MEJA_INSTALL_TEST_DIR:-/var/tmp/meja-install-test}
PREV=${PREV:-HEAD~1}
MIRROR=${MIRROR:-http://deb.debian.org/debian}

die() { echo "install-test: $*" >&2; exit 2; }
[[ $(id -u) -eq 0 ]] || die "run as root (sudo $0)"
for tool in debootstrap chroot mount git; do
    command -v "$tool" >/dev/null || die "missing: $tool (apt-get install -y debootstrap)"
done
mkdir -p "$WORK/debs"

step() { printf '\n== %s\n' "$*"; }
fails=0
passes=0
check() { # description, command…
    local what=$1
    shift
    if "$@"; then
        echo "ok   $what"
        passes=$((passes + 1))
    else
        echo "FAIL $what"
        fails=$((fails + 1))
    fi
}
shown() { # command… → runs it, prints its output indented, keeps its exit code
    local out rc=0
    out=$("$@" 2>&1) || rc=$?
    [[ -z $out ]] || sed 's/^/     | /' <<<"$out"
    return $rc
}
says() { # text, command… → the command succeeds and prints a line containing text
    local want=$1 out
    shift
    out=$("$@" 2>&1) || return 1
    grep -qF -- "$want" <<<"$out" || { sed 's/^/     | /' <<<"$out"; return 1; }
}
same() { [[ $1 == "$2" ]] || { echo "     got: '$1', want: '$2'"; return 1; }; }

# ---- the two packages -------------------------------------------------------------------
step "packages: previous ($PREV) and current (HEAD)"
# ONLY_FRESH=1 skips part B (and the previous package), for a quick look at part A.
prev_sha=$(git rev-parse --short=8 "$PREV")
base_version=$(git show "$PREV:Cargo.toml" | sed -n 's/^version = "\(.*\)"/\1/p' | head -1)
prev_version="$base_version+$(git rev-list --count "$PREV").g$prev_sha"
prev_deb=$WORK/debs/meja_${prev_version}_amd64.deb
if [[ -z ${ONLY_FRESH:-} && ! -f $prev_deb ]]; then
    git show "$PREV:scripts/release.sh" >/dev/null 2>&1 ||
        die "$PREV has no scripts/release.sh: give PREV=<a commit with the package>"
    src=$WORK/prev-src
    rm -rf "$src"
    mkdir -p "$src"
    git archive "$PREV" | tar -x -C "$src"
    # A copy of the compiled dependencies, so only meja itself is compiled again and the
    # current build's binary is left alone.
    mkdir -p "$src/target"
    [[ -d $REPO/target/x86_64-unknown-linux-musl ]] &&
        cp -a "$REPO/target/x86_64-unknown-linux-musl" "$src/target/"
    (cd "$src" && MEJA_DEB_VERSION=$prev_version scripts/release.sh) | tail -1 >/dev/null
    cp "$src/target/debian/meja_${prev_version}_amd64.deb" "$prev_deb"
    rm -rf "$src"
fi
cur_deb=$(scripts/release.sh | tail -1)
cur_version=$(dpkg-deb -f "$cur_deb" Version)
echo "previous: $prev_deb"
echo "current:  $cur_deb"
[[ -n ${ONLY_FRESH:-} ]] || dpkg --compare-versions "$prev_version" lt "$cur_version" ||
    die "the previous package ($prev_version) is not older than the current ($cur_version)"

# ---- Debian 11 chroots ------------------------------------------------------------------
if [[ ! -x $WORK/base/usr/bin/sudo ]]; then
    step "debootstrap bullseye into $WORK/base (once)"
    rm -rf --one-file-system "$WORK/base"
    debootstrap --include=sudo,tmux,procps,file bullseye "$WORK/base" "$MIRROR"
fi

ROOTS=()
unmount_all() {
    local r
    for r in "${ROOTS[@]}"; do
        chroot "$r" tmux -L meja kill-server 2>/dev/null || true
        # Whatever still runs inside (a meja whose terminal went away without a hangup
        # reaching it keeps spinning, see the report of issue #20) is ended by its pid.
        local p pids=()
        for p in /proc/[0-9]*; do
            [[ $(readlink "$p/root" 2>/dev/null) == "$r" ]] && pids+=("${p#/proc/}")
        done
        ((${#pids[@]} == 0)) || { kill "${pids[@]}" 2>/dev/null; sleep 1; kill -9 "${pids[@]}" 2>/dev/null; } || true
        for m in dev/pts proc; do
            if mountpoint -q "$r/$m"; then umount -l "$r/$m" || echo "could not unmount $r/$m" >&2; fi
        done
    done
}
cleanup() {
    set +e
    unmount_all
    if [[ -z ${KEEP:-} ]]; then
        local r
        for r in "${ROOTS[@]}"; do rm -rf --one-file-system "$r"; done
    else
        echo "kept: ${ROOTS[*]}"
    fi
}
trap cleanup EXIT

R=
new_root() { # name → a fresh copy of the base system, with /proc and its own ptys
    R=$WORK/$1
    rm -rf --one-file-system "$R"
    cp -a "$WORK/base" "$R"
    ROOTS+=("$R")
    mount -t proc proc "$R/proc"
    mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$R/dev/pts"
    ln -sf pts/ptmx "$R/dev/ptmx"
    # No daemons start inside (policy-rc.d), as in any chroot install.
    printf '#!/bin/sh\nexit 101\n' >"$R/usr/sbin/policy-rc.d"
    chmod 0755 "$R/usr/sbin/policy-rc.d"
    # sudo looks its host name up; a chroot has the host's name but not its /etc/hosts.
    echo "127.0.1.1 $(hostname)" >>"$R/etc/hosts"
}
in_root() {
    chroot "$R" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root TERM=xterm-256color LANG=C.UTF-8 "$@"
}
as() { local who=$1; shift; in_root su - "$who" -c "$*"; }
mode_of() { in_root stat -c '%a %U:%G' "$1"; }
install_deb() { # package file → dpkg -i inside, its output indented
    cp "$1" "$R/tmp/"
    in_root dpkg -i "/tmp/$(basename "$1")" 2>&1 | sed 's/^/     | /'
    return "${PIPESTATUS[0]}"
}

# tmux inside the chroot, run by root there; each pane is a worker's own login.
T() { in_root tmux -L meja "$@"; }
screen() { T capture-pane -p -t "$1"; }
keys() { local s=$1; shift; T send-keys -t "$s" "$@"; sleep 0.05; }
text() { T send-keys -t "$1" -l "$2"; sleep 0.05; }
wait_for() { # session, text, [seconds]
    local deadline=$((SECONDS + ${3:-60}))
    until screen "$1" | grep -qF -- "$2"; do
        if ((SECONDS > deadline)); then
            echo "     session $1 never showed \"$2\"; it shows:"
            screen "$1" | sed 's/^/     | /'
            return 1
        fi
        sleep 0.2
    done
}
goto() {
    local i
    for i in $(seq 45); do T send-keys -t "$1" BTab; done
    for ((i = 0; i < $2; i++)); do T send-keys -t "$1" Tab; done
    sleep 0.05
}
pick() { keys "$1" Enter; text "$1" "$2"; keys "$1" Enter; }
intake() { # session, victim name → a complete intake, saved (field numbers: tests/common/pty.rs)
    local s=$1
    goto "$s" 7; text "$s" "$2"
    goto "$s" 9; pick "$s" perem
    goto "$s" 10; text "$s" "12-05-2014"
    goto "$s" 17; keys "$s" Enter; text "$s" "kekerasan fisik"; keys "$s" Space Enter
    goto "$s" 23; keys "$s" Enter; text "$s" "fisik"; keys "$s" Space Enter
    goto "$s" 25; pick "$s" tinggi
    goto "$s" 28; pick "$s" setuju
    keys "$s" C-s
    wait_for "$s" "Nomor kasus:"
}
worker_session() { # session, worker, PIN → meja-desk in tmux, signed in, on the intake
    T new-session -d -s "$1" -x 80 -y 24 "su - $2 -c meja-desk"
    wait_for "$1" "PIN:" && text "$1" "$3" && keys "$1" Enter && wait_for "$1" "Pengaduan baru"
}
quit_all() { # every worker's session, whichever exist: Escape, then Ctrl-Q
    local s
    for s in a b; do
        if T has-session -t "$s" 2>/dev/null; then keys "$s" Escape; keys "$s" C-q; fi
    done
    sleep 1
    T kill-server 2>/dev/null || true
}
workers() { # the office's two workers and their meja accounts (PINs 2468 and 1357)
    in_root useradd --create-home --shell /bin/bash --groups ppa ani
    in_root useradd --create-home --shell /bin/bash --groups ppa budi
    as ani "MEJA_NEW_PIN=2468 meja-desk staff add ani --name 'Ani Wulandari' --role supervisor" >/dev/null
    as ani "MEJA_PIN=2468 MEJA_NEW_PIN=1357 meja-desk staff add budi --name 'Budi Santoso' --role petugas" >/dev/null
}
meja_check() { in_root runuser -u meja -- meja --db /var/lib/meja/meja.db --config /etc/meja/meja.toml check; }

# ---- A. fresh install -------------------------------------------------------------------
step "A. fresh install of $cur_version on Debian 11"
new_root fresh
echo "     glibc in the chroot: $(in_root ldd --version | head -1)"
check "dpkg -i installs the package" install_deb "$cur_deb"
check "/usr/bin/meja is 0755 root" same "$(mode_of /usr/bin/meja)" "755 root:root"
check "/usr/bin/meja-desk is 0755 root" same "$(mode_of /usr/bin/meja-desk)" "755 root:root"
check "/var/lib/meja is 0700 meja" same "$(mode_of /var/lib/meja)" "700 meja:meja"
check "the database was made by postinst, 0600 meja" same "$(mode_of /var/lib/meja/meja.db)" "600 meja:meja"
check "/var/backups/meja is 0700 meja" same "$(mode_of /var/backups/meja)" "700 meja:meja"
check "/etc/sudoers.d/meja is 0440 root and passes visudo -c" \
    bash -c "[[ \"$(mode_of /etc/sudoers.d/meja)\" == '440 root:root' ]] && chroot '$R' visudo -c >/dev/null"
check "/etc/meja/meja.toml is the commented default" \
    bash -c "grep -q '^\[office\]' '$R/etc/meja/meja.toml' && grep -q '^# ' '$R/etc/meja/meja.toml'"
check "the system account meja logs in nowhere" same "$(in_root getent passwd meja | cut -d: -f7)" "/usr/sbin/nologin"
check "the nightly timer is enabled" test -L "$R/etc/systemd/system/timers.target.wants/meja-backup.timer"
# systemd-analyze cannot run inside a chroot (no cgroup): the host's, on the chroot's files.
if command -v systemd-analyze >/dev/null; then
    check "systemd-analyze verify accepts the units" systemd-analyze verify --root="$R" \
        "$R/usr/lib/systemd/system/meja-backup.service" "$R/usr/lib/systemd/system/meja-backup.timer"
fi

step "A. the static binary on glibc 2.31: demo, staff add, check"
check "meja demo fills a scratch database" bash -c "chroot '$R' meja --db /tmp/demo.db demo --cases 300 --agencies 20 >/dev/null"
check "meja staff add on it" in_root env MEJA_NEW_PIN=2468 meja --db /tmp/demo.db --user ani staff add ani --name Ani --role supervisor
demo_check=$(in_root meja --db /tmp/demo.db check)
sed 's/^/     | /' <<<"$demo_check"
check "meja check calls it healthy" grep -q 'Kasus: 300' <<<"$demo_check"

step "A. two workers through meja-desk (sudo -u meja), in tmux inside the chroot"
workers
check "budi cannot read the database file himself" bash -c "! chroot '$R' su - budi -c 'cat /var/lib/meja/meja.db' >/dev/null 2>&1"
check "ani signs in in tmux" worker_session a ani 2468
check "budi signs in in tmux" worker_session b budi 1357
keys b C-p
check "budi is on the case board" wait_for b "Papan kasus"
check "ani saves a case" intake a "Ayu Lestari"
number_a=$(screen a | grep -o 'PPA/[0-9]*/[0-9]*' | head -1)
echo "     ani's case: $number_a"
check "budi sees ani's case on his board without a key" wait_for b "A.L." 30
quit_all
check "the case is ani's in the access log" \
    bash -c "chroot '$R' su - ani -c 'MEJA_PIN=2468 meja-desk audit --staff ani' | grep -q '$number_a'"
check "meja check is healthy with 1 case" says "Kasus: 1 " meja_check

step "A. nightly backup, encrypted, checked, rotated"
in_root install -o meja -g meja -m 0400 /dev/null /etc/meja/backup-passphrase
echo "frasa sandi uji yang panjang" >"$R/etc/meja/backup-passphrase"
sed -i 's#^MEJA_BACKUP_PASSPHRASE_FILE=.*#MEJA_BACKUP_PASSPHRASE_FILE=/etc/meja/backup-passphrase#' "$R/etc/meja/backup.conf"
# No systemd runs in a chroot: the service's own command, as the service's account.
nightly() { in_root runuser -u meja -- /usr/lib/meja/meja-nightly-backup; }
check "the nightly backup runs" shown nightly
newest=$(find "$R/var/backups/meja" -maxdepth 1 -name 'meja-*.db.age' -printf '%f\n' | sort | tail -1)
check "it wrote an encrypted backup, 0600 meja" \
    bash -c "[[ -n '$newest' && \"\$(chroot '$R' stat -c '%a %U' /var/backups/meja/$newest)\" == '600 meja' ]] && head -c 21 '$R/var/backups/meja/$newest' | grep -q age-encryption.org"
check "the backup restores on a 'new server' with the passphrase and holds the case" \
    bash -c "chroot '$R' meja --db /tmp/baru.db restore /var/backups/meja/$newest --passphrase-file /etc/meja/backup-passphrase >/dev/null && chroot '$R' meja --db /tmp/baru.db check | grep -q 'Kasus: 1'"
# 70 older nights of backups (copies of the real one), then one more run rotates them.
for i in $(seq 1 70); do
    cp -p "$R/var/backups/meja/$newest" "$R/var/backups/meja/meja-$(date -d "-$i day" +%Y-%m-%d)-023000.db.age"
done
check "a second run rotates" shown nightly
mapfile -t kept < <(find "$R/var/backups/meja" -maxdepth 1 -name 'meja-*.db.age' -printf '%f\n' | sort -r)
days=$(printf '%s\n' "${kept[@]}" | cut -c6-15 | sort -u | wc -l)
oldest=$(printf '%s\n' "${kept[@]}" | tail -1 | cut -c6-15)
echo "     kept ${#kept[@]} backups over $days days, oldest $oldest"
check "the 14 newest days are all kept" bash -c "for d in \$(seq 0 13); do ls '$R/var/backups/meja/' | grep -q \"meja-\$(date -d \"-\$d day\" +%Y-%m-%d)-\" || exit 1; done"
check "8 weekly ones reach back 7 to 8 weeks, nothing older" \
    bash -c "(( \$(( ($(date +%s) - \$(date -d $oldest +%s)) / 86400 )) >= 43 && \$(( ($(date +%s) - \$(date -d $oldest +%s)) / 86400 )) <= 56 ))"
weeks=$(for f in "${kept[@]}"; do date -d "${f:5:10}" +%G-W%V; done | sort -u | wc -l)
check "one backup per ISO week for 8 weeks ($weeks weeks)" same "$weeks" 8
check "a bad setting fails with a message, exit 1" \
    bash -c "out=\$(chroot '$R' runuser -u meja -- env MEJA_KEEP_DAILY=abc MEJA_BACKUP_CONF=/nonexistent /usr/lib/meja/meja-nightly-backup 2>&1); [[ \$? -eq 1 ]] && grep -q 'GAGAL.*whole numbers' <<<\"\$out\""
# A backup that comes out broken (a meja that cuts its own output short) must fail the run,
# be renamed *.gagal, and cost no good backup.
cat >"$R/tmp/meja-cuts-short" <<'CUT'
#!/bin/bash
/usr/bin/meja "$@" || exit
if [[ " $* " == *" backup "* ]]; then truncate -s 4096 "${@: -1}"; fi
CUT
chmod 0755 "$R/tmp/meja-cuts-short"
before=$(ls "$R/var/backups/meja" | grep -c '^meja-.*\.db\.age$')
broken_out=$(in_root runuser -u meja -- env MEJA_BIN=/tmp/meja-cuts-short /usr/lib/meja/meja-nightly-backup 2>&1) && rc=0 || rc=$?
sed 's/^/     | /' <<<"$broken_out"
check "a backup that fails its check fails the run (exit 1)" same "$rc" 1
check "…logged at error priority (<3>, for the journal)" grep -q '^<3>meja-backup: GAGAL' <<<"$broken_out"
check "…is kept as *.gagal, and no good backup is removed" \
    bash -c "ls '$R/var/backups/meja' | grep -q '\.db\.age\.gagal$' && [[ \$(ls '$R/var/backups/meja' | grep -c '^meja-.*\.db\.age$') -eq $before ]]"

step "A. remove, purge, install again"
check "dpkg -r removes the package" shown in_root dpkg -r meja
check "after remove the database is still there" test -s "$R/var/lib/meja/meja.db"
purge_out=$(in_root dpkg -P meja 2>&1)
echo "$purge_out" | sed 's/^/     | /'
check "purge says where the database is" grep -q "TIDAK dihapus: /var/lib/meja/meja.db" <<<"$purge_out"
check "after purge the database and the backups are still there" \
    bash -c "test -s '$R/var/lib/meja/meja.db' && ls '$R/var/backups/meja' | grep -q '^meja-'"
check "after purge the configuration is gone" test ! -e "$R/etc/meja/meja.toml"
check "installing again keeps the case" install_deb "$cur_deb"
check "…which meja check counts, healthy" says "Kasus: 1 " meja_check
unmount_all

if [[ -n ${ONLY_FRESH:-} ]]; then
    echo; echo "install test (fresh install only): $passes passed, $fails failed"
    exit $((fails > 0))
fi

# ---- B. upgrade from the previous commit ------------------------------------------------
step "B. upgrade: $prev_version, a case, then $cur_version"
new_root upgrade
check "the previous package installs" install_deb "$prev_deb"
workers
check "ani signs in in tmux (previous version)" worker_session a ani 2468
check "ani saves a case (previous version)" intake a "Citra Dewi"
number_b=$(screen a | grep -o 'PPA/[0-9]*/[0-9]*' | head -1)
echo "     case before the upgrade: $number_b"
quit_all
check "the current package installs over it" install_deb "$cur_deb"
check "the installed version is the current one" same "$(in_root dpkg-query -W -f '${Version}' meja)" "$cur_version"
copy=$(find "$R/var/backups/meja" -maxdepth 1 -name "sebelum-pemutakhiran-$prev_version-*.db" -printf '%f\n' | head -1)
check "postinst kept a copy before migrating: $copy, 0600 meja" \
    bash -c "[[ -n '$copy' && \"\$(chroot '$R' stat -c '%a %U' /var/backups/meja/$copy)\" == '600 meja' ]]"
checked=$(meja_check) || true
sed 's/^/     | /' <<<"$checked"
check "meja check is healthy and counts the case" grep -q 'Kasus: 1 ' <<<"$checked"
check "…healthy" grep -qx 'Sehat.' <<<"$checked"
check "budi signs in after the upgrade" worker_session b budi 1357
keys b C-p
check "budi sees the case on the board after the upgrade" wait_for b "C.D." 30
quit_all

echo
if ((fails == 0)); then
    echo "install test: all $passes checks passed"
else
    echo "install test: $fails of $((passes + fails)) checks FAILED"
    exit 1
fi
