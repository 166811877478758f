#!/usr/bin/env bash
# Benchmark schoolsite on generated sites of N posts (default: 1000 and 10000).
#
#   bench/run.sh [N ...]
#
# Builds schoolsite in release mode (scratch path .build-bench), generates each
# corpus once under $BENCH_DIR (default /tmp/schoolsite-bench): N posts with a
# 1,000-person register, and N posts with a 10-person register. Then, per N:
#   - build:  one warm-up, then RUNS (default 5) timed runs of
#             schoolsite build --site CORPUS --output OUT --date 2026-11-25 --quiet
#   - check:  one warm-up, then RUNS timed runs of
#             schoolsite check --site CORPUS --date 2026-11-25
#             on the 1,000-person and on the 10-person corpus.
# Each timed run is under /usr/bin/time -v; the table gives the median wall time
# and the median peak resident set size. Exits non-zero if any run fails.
#
# Environment: BENCH_DIR, RUNS, SEED, BENCH_DATE (default 2026-11-25).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="${BENCH_DIR:-/tmp/schoolsite-bench}"
RUNS="${RUNS:-5}"
SEED="${SEED:-1}"
DATE="${BENCH_DATE:-2026-11-25}"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)
for n in "${SIZES[@]}"; do
    [[ "$n" =~ ^[0-9]+$ ]] || { echo "run.sh: not a number of posts: $n" >&2; exit 2; }
done

mkdir -p "$BENCH_DIR"
RESULTS="$BENCH_DIR/results.tsv"
LOG="$BENCH_DIR/runs.log"
: >"$RESULTS"
: >"$LOG"

# /usr/bin/time (GNU time) gives the peak RSS; install it if it is missing.
if [ ! -x /usr/bin/time ]; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time
fi
python3 -c "import PIL, cryptography" 2>/dev/null || {
    echo "run.sh: the corpus generator needs the Python packages Pillow and cryptography" >&2; exit 2; }

echo "== building schoolsite (release, .build-bench)" >&2
(cd "$ROOT" && swift build -c release --scratch-path .build-bench --product schoolsite >&2)
BIN="$(cd "$ROOT" && swift build -c release --scratch-path .build-bench --show-bin-path)/schoolsite"
[ -x "$BIN" ] || { echo "run.sh: no binary at $BIN" >&2; exit 1; }

# generate POSTS PEOPLE DIR: once per set of inputs (generator, sizes, seed).
generate() {
    local posts=$1 people=$2 dir=$3
    local stamp
    stamp="$(sha256sum "$ROOT/bench/generate_corpus.py" | cut -c1-16) posts=$posts people=$people seed=$SEED"
    if [ -f "$dir.stamp" ] && [ "$(cat "$dir.stamp")" = "$stamp" ] && [ -f "$dir/site.yml" ]; then
        echo "== reusing $dir" >&2
    else
        echo "== generating $dir ($posts posts, $people people)" >&2
        rm -f "$dir.stamp"
        local start end
        start=$(date +%s.%N)
        python3 "$ROOT/bench/generate_corpus.py" "$dir" --posts "$posts" --people "$people" --seed "$SEED" --force
        end=$(date +%s.%N)
        echo "$stamp" >"$dir.stamp"
        awk -v s="$start" -v e="$end" 'BEGIN { printf "   generated in %.1f s\n", e - s }' >&2
    fi
    printf '   %s on disk (%s files)\n' "$(du -sh "$dir" | cut -f1)" "$(find "$dir" -type f | wc -l)" >&2
}

# measure LABEL COMMAND... : one warm-up, then RUNS timed runs; appends to $RESULTS.
measure() {
    local label=$1; shift
    local corpus=$1; shift
    local timing="$BENCH_DIR/time.txt"
    echo "== $corpus: $label" >&2
    if ! "$@" >>"$LOG" 2>&1; then
        echo "run.sh: warm-up failed (see $LOG): $*" >&2; tail -20 "$LOG" >&2; exit 1
    fi
    for i in $(seq "$RUNS"); do
        if ! /usr/bin/time -v -o "$timing" "$@" >>"$LOG" 2>&1; then
            echo "run.sh: run $i failed (see $LOG): $*" >&2; tail -20 "$LOG" >&2; exit 1
        fi
        local wall rss user sys
        wall=$(sed -n 's/^\s*Elapsed (wall clock) time.*: //p' "$timing")
        rss=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$timing")
        user=$(sed -n 's/^\s*User time (seconds): //p' "$timing")
        sys=$(sed -n 's/^\s*System time (seconds): //p' "$timing")
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$corpus" "$label" "$wall" "$rss" "$user" "$sys" >>"$RESULTS"
        echo "   run $i: wall $wall, user ${user} s, sys ${sys} s, peak RSS ${rss} KB, load $(cut -d' ' -f1 /proc/loadavg)" >&2
    done
}

for n in "${SIZES[@]}"; do
    big="$BENCH_DIR/posts-$n-people-1000"
    small="$BENCH_DIR/posts-$n-people-10"
    generate "$n" 1000 "$big"
    generate "$n" 10 "$small"
    measure "build (1000 people)" "$n posts" "$BIN" build --site "$big" --output "$BENCH_DIR/out-$n" --date "$DATE" --quiet
    measure "check (1000 people)" "$n posts" "$BIN" check --site "$big" --date "$DATE"
    measure "check (10 people)" "$n posts" "$BIN" check --site "$small" --date "$DATE"
done

python3 - "$RESULTS" "$RUNS" <<'EOF'
import statistics, sys
from collections import OrderedDict

def seconds(text):
    total = 0.0
    for part in text.split(":"):
        total = total * 60 + float(part)
    return total

rows = OrderedDict()
for line in open(sys.argv[1]):
    corpus, command, wall, rss, user, system = line.rstrip("\n").split("\t")
    rows.setdefault((corpus, command), []).append((seconds(wall), float(user) + float(system), int(rss) / 1024))
print()
print(f"median of {sys.argv[2]} runs; CPU = user + system seconds (all threads)")
print(f"{'corpus':<12} {'command':<21} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12}")
for (corpus, command), runs in rows.items():
    wall, cpu, rss = (statistics.median(run[i] for run in runs) for i in range(3))
    print(f"{corpus:<12} {command:<21} {wall:>8.2f} {cpu:>8.2f} {rss:>12.1f}")
EOF
echo "schoolsite at $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- Sources Package.swift 2>/dev/null || echo ' with uncommitted changes')"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (other work on the machine inflates wall times; CPU seconds are steadier)"
