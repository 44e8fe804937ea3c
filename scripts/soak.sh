#!/usr/bin/env bash
# Soak test: drives the dashboard in tmux with random keys and random resizes while it trains,
# and fails if the process dies, its memory grows, or quitting leaves the terminal changed.
#
#   scripts/soak.sh [minutes]      default 30; fractions work (0.5 = 30 s)
#
# It uses the release binary (.build/release/ganscope, built if missing), its own tmux server
# (socket ganscope-soak-<pid>) and a scratch folder for snapshots (`s` is among the keys; only
# the newest two are kept), and prints the random seed so a failing run can be repeated with
# SOAK_SEED=<seed>. Every 10 s it checks that the process lives and reads its resident set size
# (ps -o rss). Memory growth is measured after a warm-up (the first minute, or half the run if
# that is shorter), from the smallest reading of the 30 s after the warm-up to the smallest
# reading of the last 30 s: smallest, so that an evaluation that happens to run during a
# reading (it allocates ~30 MB for half a second) does not count as growth. More than 10 % fails.
# At the end it sends `q` and compares `stty -a`, taken in the pane before the dashboard started
# and after it ended.
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=${1:-30}
seconds=$(awk -v m="$minutes" 'BEGIN { s = int(m * 60); if (s < 20) s = 20; print s }')
warmup=$(( seconds / 2 < 60 ? seconds / 2 : 60 ))
seed=${SOAK_SEED:-$(( $(date +%s) % 32768 ))}
RANDOM=$seed
max_growth_percent=10
check_every=10

fail() { echo "soak: FAIL: $*" >&2; exit 1; }

command -v tmux >/dev/null || fail "tmux is not installed (apt-get install tmux)"
binary=$PWD/.build/release/ganscope
if [[ ! -x $binary ]]; then
  echo "soak: building the release binary"
  swift build -c release
fi

scratch=$(mktemp -d /tmp/ganscope-soak.XXXXXX)
socket=ganscope-soak-$$
T() { LC_ALL=C.UTF-8 tmux -u -L "$socket" -f /dev/null "$@"; }
cleanup() { T kill-server 2>/dev/null || true; rm -rf "$scratch"; }
trap cleanup EXIT

# The pane records the terminal settings, runs the dashboard, records its exit status and the
# settings again, then stays open so that its files can be read.
cat > "$scratch/pane.sh" <<EOF
stty -a > '$scratch/stty-before'
'$binary' train --checkpoint-dir '$scratch/checkpoints' --keep-last 2
echo \$? > '$scratch/status'
stty -a > '$scratch/stty-after'
sleep 3600
EOF
T new-session -d -x 120 -y 40 -s soak "env LANG=C.UTF-8 TERM=tmux-256color sh '$scratch/pane.sh'"

pid=""
for _ in $(seq 50); do
  pane=$(T list-panes -t soak -F '#{pane_pid}')
  pid=$(pgrep -P "$pane" -x ganscope || true)
  [[ -n $pid ]] && break
  sleep 0.2
done
[[ -n $pid ]] || fail "the dashboard did not start: $(T capture-pane -p -t soak | grep -v '^$' | tail -3)"
echo "soak: ${seconds} s (warm-up ${warmup} s), seed $seed, pid $pid, binary $binary"

# Every documented key except the two that quit (q, Ctrl-C): README's key table and the help overlay.
keys=(Space s Left Right Up Down + - a b r l Tab BTab Enter Escape t '?')
rss_readings=()   # "elapsed rss" pairs
start=$SECONDS
next_check=$check_every
next_resize=0
while (( SECONDS - start < seconds )); do
  elapsed=$(( SECONDS - start ))
  if (( elapsed >= next_check )); then
    next_check=$(( next_check + check_every ))
    if ! kill -0 "$pid" 2>/dev/null; then
      status=$(cat "$scratch/status" 2>/dev/null || echo "?")
      fail "the dashboard died after ${elapsed} s (exit status $status); last screen:
$(T capture-pane -p -t soak | grep -v '^$' | tail -5)"
    fi
    rss=$(ps -o rss= -p "$pid" | tr -d ' ')
    rss_readings+=("$elapsed $rss")
    (( ${#rss_readings[@]} == 1 )) && echo "soak: RSS at start (${elapsed} s): $(( rss / 1024 )) MB"
  fi
  if (( elapsed >= next_resize )); then
    next_resize=$(( elapsed + 1 + RANDOM % 5 ))
    T resize-window -t soak -x $(( 40 + RANDOM % 211 )) -y $(( 12 + RANDOM % 69 ))
  fi
  T send-keys -t soak "${keys[RANDOM % ${#keys[@]}]}"
  sleep "0.$(( 1 + RANDOM % 5 ))"
done

# Quit from a known state: a normal size, the help overlay (if open) closed by its own key.
T resize-window -t soak -x 120 -y 40
T send-keys -t soak q
for _ in $(seq 100); do [[ -f $scratch/stty-after ]] && break; sleep 0.1; done
[[ -f $scratch/stty-after ]] || fail "q did not end the dashboard within 10 s; last screen:
$(T capture-pane -p -t soak | grep -v '^$' | tail -8)"
status=$(cat "$scratch/status")
[[ $status == 0 ]] || fail "the dashboard exited with status $status after q"

# Growth: the smallest reading in the 30 s after the warm-up against the smallest in the last 30 s.
read -r base end < <(printf '%s\n' "${rss_readings[@]}" | awk -v w="$warmup" -v t="$seconds" '
  $1 >= w && $1 < w + 30 && (b == "" || $2 < b) { b = $2 }
  $1 > t - 30 && $1 >= w && (e == "" || $2 < e) { e = $2 }
  END { print b, e }')
[[ -n $base && -n $end ]] || fail "too few RSS readings (${#rss_readings[@]}) to measure growth"
growth=$(awk -v b="$base" -v e="$end" 'BEGIN { printf "%.1f", (e - b) * 100 / b }')
echo "soak: RSS after warm-up: $(( base / 1024 )) MB; at end: $(( end / 1024 )) MB; growth ${growth} %"
echo "soak: all readings (s KB): ${rss_readings[*]}"
awk -v g="$growth" -v m="$max_growth_percent" 'BEGIN { exit !(g > m) }' \
  && fail "memory grew ${growth} % (more than ${max_growth_percent} %)"

if ! diff -u "$scratch/stty-before" "$scratch/stty-after" >&2; then
  fail "the terminal settings after q differ from those before the dashboard started"
fi
echo "soak: PASS: alive throughout, growth ${growth} %, terminal restored"
