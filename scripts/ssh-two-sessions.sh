#!/usr/bin/env bash
# Two front-desk workers over ssh on one server, side by side (not run in CI).
#
# Starts a private sshd on 127.0.0.1 (temporary host key, temporary authorized key, its own
# config; nothing of the machine's ssh set-up is read or changed), logs in twice through
# tmux, and runs meja in both sessions on one database:
#   1. worker A (ani) types an intake and saves it;
#   2. worker B (budi), already on the case board, sees A's case appear without a key;
#   3. B types an intake and saves it; A's board shows it too.
# Each step is checked on the screen tmux captures; the script prints PASS or FAIL.
#
# Needs: sshd, ssh, ssh-keygen, tmux. On Debian/Ubuntu:
#   sudo apt-get install -y openssh-server openssh-client tmux
# (installing openssh-server may enable the system ssh service; this script does not use it.)
#
# Usage:
#   scripts/ssh-two-sessions.sh            # builds meja (release) first
#   MEJA_BIN=path/to/meja scripts/ssh-two-sessions.sh
#   KEEP=1 scripts/ssh-two-sessions.sh     # leave tmux running to look: tmux -L meja-ssh attach
set -euo pipefail
cd "$(dirname "$0")/.."

SSHD=${SSHD:-/usr/sbin/sshd}
for tool in "$SSHD" ssh ssh-keygen tmux; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (see the header of $0)" >&2; exit 2; }
done

if [[ -z "${MEJA_BIN:-}" ]]; then
  cargo build --release --quiet
  MEJA_BIN="${CARGO_TARGET_DIR:-target}/release/meja"
fi
MEJA_BIN=$(realpath "$MEJA_BIN")

T=$(mktemp -d /tmp/meja-ssh.XXXXXX)
chmod 755 "$T"
SOCK=meja-ssh
PORT=${PORT:-$((20000 + RANDOM % 20000))}
USER_NAME=$(id -un)

cleanup() {
  if [[ -z "${KEEP:-}" ]]; then
    tmux -L "$SOCK" kill-server 2>/dev/null || true
    [[ -f "$T/sshd.pid" ]] && kill "$(cat "$T/sshd.pid")" 2>/dev/null || true
    rm -rf "$T"
  else
    echo "kept: $T (tmux -L $SOCK attach; sshd pid $(cat "$T/sshd.pid" 2>/dev/null))"
  fi
}
trap cleanup EXIT

# --- a private sshd ----------------------------------------------------------------------
ssh-keygen -q -t ed25519 -N '' -f "$T/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$T/client_key"
cp "$T/client_key.pub" "$T/authorized_keys"
chmod 600 "$T/authorized_keys"
cat >"$T/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $PORT
HostKey $T/host_key
PidFile $T/sshd.pid
AuthorizedKeysFile $T/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
PrintMotd no
EOF
# sshd refuses to start without its privilege-separation directory.
[[ -d /run/sshd ]] || mkdir -p /run/sshd 2>/dev/null || true
"$SSHD" -f "$T/sshd_config" -E "$T/sshd.log"
for _ in $(seq 50); do [[ -s "$T/sshd.pid" ]] && break; sleep 0.1; done
[[ -s "$T/sshd.pid" ]] || { echo "sshd did not start:"; cat "$T/sshd.log"; exit 1; }

SSH=(ssh -tt -i "$T/client_key" -p "$PORT" -o StrictHostKeyChecking=no
     -o UserKnownHostsFile="$T/known_hosts" -o LogLevel=ERROR "$USER_NAME@127.0.0.1")
DB="$T/meja.db"
remote() { # worker name → the command the login runs
  printf 'cd %q && TERM=xterm-256color %q --db %q --config %q --user %q --lang id' \
    "$T" "$MEJA_BIN" "$DB" "$T/no-config.toml" "$1"
}

# --- helpers -----------------------------------------------------------------------------
screen() { tmux -L "$SOCK" capture-pane -p -t "$1"; }
keys() { local s=$1; shift; tmux -L "$SOCK" send-keys -t "$s" "$@"; sleep 0.05; }
text() { tmux -L "$SOCK" send-keys -t "$1" -l "$2"; sleep 0.05; }
wait_for() { # session, text, [seconds]
  local deadline=$((SECONDS + ${3:-60}))
  until screen "$1" | grep -qF -- "$2"; do
    if ((SECONDS > deadline)); then
      echo "FAIL: session $1 never showed \"$2\"; it shows:"; screen "$1"; exit 1
    fi
    sleep 0.2
  done
}
goto() { # session, field number from the top of a new form
  local i
  for i in $(seq 45); do tmux -L "$SOCK" send-keys -t "$1" BTab; done
  for ((i = 0; i < $2; i++)); do tmux -L "$SOCK" send-keys -t "$1" Tab; done
  sleep 0.05
}
pick() { keys "$1" Enter; text "$1" "$2"; keys "$1" Enter; }
intake() { # session, victim name → types a complete intake and saves it
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

# --- the two workers' accounts (PIN 2468) -----------------------------------------------------
env -u SUDO_USER MEJA_NEW_PIN=2468 "$MEJA_BIN" --db "$DB" --config "$T/no-config.toml" \
  --user ani staff add ani --name "Ani" --role supervisor >/dev/null
env -u SUDO_USER MEJA_PIN=2468 MEJA_NEW_PIN=2468 "$MEJA_BIN" --db "$DB" --config "$T/no-config.toml" \
  --user ani staff add budi --name "Budi" --role petugas >/dev/null
sign_in() { wait_for "$1" "PIN:"; text "$1" "2468"; keys "$1" Enter; }

# --- two logins, side by side --------------------------------------------------------------
tmux -L "$SOCK" new-session -d -s a -x 80 -y 24 "$(printf '%q ' "${SSH[@]}") $(printf '%q' "$(remote ani)")"
sign_in a
wait_for a "Pengaduan baru"
tmux -L "$SOCK" new-session -d -s b -x 80 -y 24 "$(printf '%q ' "${SSH[@]}") $(printf '%q' "$(remote budi)")"
sign_in b
wait_for b "Pengaduan baru"
echo "two ssh logins on 127.0.0.1:$PORT, meja running in both"

# B watches the board; A opens a case.
keys b C-p; wait_for b "Papan kasus"
intake a "Ayu Lestari"
number_a=$(screen a | grep -o 'PPA/[0-9]*/[0-9]*' | head -1)
echo "A (ani) opened $number_a"
wait_for b "A.L." 30
echo "B (budi) sees A's case on the board without pressing a key"

# B opens a case; A, now on the board, sees it.
keys a Enter; keys a C-p; wait_for a "Papan kasus"
keys b C-n; wait_for b "Pengaduan baru"
intake b "Bunga Citra"
number_b=$(screen b | grep -o 'PPA/[0-9]*/[0-9]*' | head -1)
echo "B (budi) opened $number_b"
wait_for a "B.C." 30
echo "A (ani) sees B's case on the board"

# Each finds the other's case by number, too.
keys a /; text a "$number_b"; wait_for a "$number_b "
keys b Enter; keys b C-p; wait_for b "Papan kasus"
keys b /; text b "$number_a"; wait_for b "$number_a "

[[ "$number_a" != "$number_b" ]] || { echo "FAIL: both got $number_a"; exit 1; }
keys a Escape; keys a C-q
keys b Escape; keys b C-q
sleep 1
echo "PASS: two ssh sessions, one database, each sees the other's new case ($number_a, $number_b)"
