#!/usr/bin/env bash
# Benchmark schoolsite on generated sites of N posts (default: 1000 and 10000),
# and compare its build with Hugo's on the same posts.
#
#   bench/run.sh [N ...]
#
# Builds schoolsite as make install does (make host-binary, in .build-bench), generates each
# corpus once under $BENCH_DIR (default /tmp/schoolsite-bench): N posts with a
# 1,000-person register, N posts with a 10-person register, and a Hugo site with
# the posts of the first (bench/hugo_site.py). Then, per N:
#   - build vs Hugo: one warm-up of each, then RUNS (default 5) rounds of
#             schoolsite build --site CORPUS --output OUT --date 2026-11-25 --quiet
#             hugo --quiet --source HUGO_SITE --destination HUGO_OUT
#             alternately; each replaces the output of its previous run. Then
#             both outputs must have N post pages, the same list and category
#             pages, and a 20-entry feed;
#   - build (empty folder): RUNS builds, each into a new folder: a first build,
#             with no cache and no previous site to link files from;
#   - check:  one warm-up, then RUNS timed runs of
#             schoolsite check --site CORPUS --date 2026-11-25
#             on the 1,000-person and on the 10-person corpus, neither built
#             into its own output/, so every post is read and checked; then on
#             the 1,000-person corpus after a build of its output/ (untimed),
#             whose cache spares reading the posts that build found clean.
# Each timed run is under /usr/bin/time -v, right after the files it reads (its corpus
# and output, the binaries) are read into the page cache; the tables give the median wall time
# and the median peak resident set size, and the schoolsite/Hugo ratios of both.
# Exits non-zero if any run fails.
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

# apt_install PACKAGE: install a Debian package (as root, or with sudo).
apt_install() {
    local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$1"
}
# /usr/bin/time (GNU time) gives the peak RSS; Hugo is Debian's package (0.111.3 on bookworm).
[ -x /usr/bin/time ] || apt_install time
command -v hugo >/dev/null || apt_install hugo
HUGO="$(command -v hugo)"
HUGO_VERSION="$("$HUGO" version | cut -d' ' -f2)"
python3 -c "import PIL, cryptography" 2>/dev/null || {
    echo "run.sh: the corpus generator needs the Python packages Pillow and cryptography" >&2; exit 2; }

echo "== building schoolsite (release, as make install builds it for the web host, in .build-bench)" >&2
make -C "$ROOT" --no-print-directory host-binary HOST_BUILD_DIR=.build-bench >&2
BIN="$ROOT/.build-bench/release/schoolsite"
[ -x "$BIN" ] || { echo "run.sh: no binary at $BIN" >&2; exit 1; }
# The figures are for the binary as built, with mimalloc as its allocator.
allocator="$(MIMALLOC_VERBOSE=1 "$BIN" --help 2>&1)"
grep -q '^mimalloc:' <<<"$allocator" || { echo "run.sh: $BIN does not allocate through mimalloc" >&2; exit 1; }

# make_once DIR STAMP WHAT COMMAND...: runs COMMAND, which writes DIR, unless DIR.stamp
# shows that DIR was made from the same inputs (STAMP) already.
make_once() {
    local dir=$1 stamp=$2 what=$3; shift 3
    if [ -f "$dir.stamp" ] && [ "$(cat "$dir.stamp")" = "$stamp" ] && [ -d "$dir" ]; then
        echo "== reusing $dir" >&2
    else
        echo "== generating $dir ($what)" >&2
        rm -f "$dir.stamp"
        local start end
        start=$(date +%s.%N)
        "$@"
        end=$(date +%s.%N)
        echo "$stamp" >"$dir.stamp"
        awk -v s="$start" -v e="$end" 'BEGIN { printf "   generated in %.1f s\n", e - s }' >&2
    fi
    printf '   %s on disk (%s files)\n' "$(du -sh "$dir" | cut -f1)" "$(find "$dir" -type f | wc -l)" >&2
}

# generate POSTS PEOPLE DIR: once per set of inputs (generator, theme, sizes, seed).
generate() {
    local posts=$1 people=$2 dir=$3
    # The corpus holds a copy of the theme: a changed theme makes a new corpus.
    local theme
    theme=$(cd "$ROOT/themes/school" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
    make_once "$dir" "$(sha256sum "$ROOT/bench/generate_corpus.py" | cut -c1-16) theme=$theme posts=$posts people=$people seed=$SEED" \
        "$posts posts, $people people" \
        python3 "$ROOT/bench/generate_corpus.py" "$dir" --posts "$posts" --people "$people" --seed "$SEED" --force
}

# hugo_site CORPUS DIR: the Hugo site with CORPUS's posts; once per corpus and converter.
hugo_site() {
    local corpus=$1 dir=$2
    make_once "$dir" "$(sha256sum "$ROOT/bench/hugo_site.py" | cut -c1-16) from $(cat "$corpus.stamp")" \
        "Hugo site from $(basename "$corpus")" \
        python3 "$ROOT/bench/hugo_site.py" "$corpus" "$dir" --force
}

# warm_up LABEL COMMAND...: one untimed run.
warm_up() {
    local label=$1; shift
    echo "   warm-up: $label" >&2
    if ! "$@" >>"$LOG" 2>&1; then
        echo "run.sh: warm-up failed (see $LOG): $*" >&2; tail -20 "$LOG" >&2; exit 1
    fi
}

# The shared libraries both programs load, for warm_cache.
mapfile -t LIBRARIES < <(ldd "$BIN" "$HUGO" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | sort -u)

# warm_cache: reads every file the runs to come read (the corpora and outputs in WARM,
# then both programs and their libraries) into the page cache. A warm-up run alone does
# not keep them there on every machine: on some virtual machines the host reclaims idle
# page cache within seconds, and a timed run then reads from disk what the one before
# it had read. Only those files, so that reading others does not push them out again.
warm_cache() {
    find "${WARM[@]}" "$BIN" "$HUGO" "${LIBRARIES[@]}" -type f -print0 2>/dev/null | xargs -0 -r cat >/dev/null
}

# timed_run RUN CORPUS LABEL COMMAND...: one run under /usr/bin/time -v, right after
# warm_cache; appends to $RESULTS.
timed_run() {
    local run=$1 corpus=$2 label=$3; shift 3
    local timing="$BENCH_DIR/time.txt"
    warm_cache
    if ! /usr/bin/time -v -o "$timing" "$@" >>"$LOG" 2>&1; then
        echo "run.sh: run $run failed (see $LOG): $*" >&2; tail -20 "$LOG" >&2; exit 1
    fi
    local wall rss user sys inputs
    wall=$(sed -n 's/^\s*Elapsed (wall clock) time.*: //p' "$timing")
    rss=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$timing")
    user=$(sed -n 's/^\s*User time (seconds): //p' "$timing")
    sys=$(sed -n 's/^\s*System time (seconds): //p' "$timing")
    # Blocks read from disk: 0 when the run found everything in the page cache.
    inputs=$(sed -n 's/^\s*File system inputs: //p' "$timing")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$corpus" "$label" "$wall" "$rss" "$user" "$sys" >>"$RESULTS"
    echo "   run $run, $label: wall $wall, user ${user} s, sys ${sys} s, peak RSS ${rss} KB, disk reads ${inputs} blocks, load $(cut -d' ' -f1 /proc/loadavg)" >&2
}

# measure CORPUS LABEL COMMAND...: one warm-up, then RUNS timed runs.
measure() {
    local corpus=$1 label=$2; shift 2
    echo "== $corpus: $label" >&2
    warm_up "$label" "$@"
    for i in $(seq "$RUNS"); do timed_run "$i" "$corpus" "$label" "$@"; done
}

# alternate CORPUS LABEL_A ARRAY_A LABEL_B ARRAY_B: one warm-up of each command (given
# as the names of arrays holding them), then RUNS rounds of (A, B), so that both
# commands see the same machine conditions.
alternate() {
    local corpus=$1 label_a=$2 label_b=$4
    local -n command_a=$3 command_b=$5
    echo "== $corpus: $label_a and $label_b, alternately" >&2
    warm_up "$label_a" "${command_a[@]}"
    warm_up "$label_b" "${command_b[@]}"
    for i in $(seq "$RUNS"); do
        timed_run "$i" "$corpus" "$label_a" "${command_a[@]}"
        timed_run "$i" "$corpus" "$label_b" "${command_b[@]}"
    done
}

# count_pages OUT: "POSTS LISTS CATEGORIES" of a built site. Post pages are
# SLUG/index.html (every generated slug starts with its date); list pages are
# index.html and page/N/index.html for N >= 2 (Hugo also writes page/1/, a redirect).
count_pages() {
    local out=$1
    printf '%s %s %s\n' \
        "$(find "$out" -mindepth 2 -maxdepth 2 -path "$out/[0-9]*/index.html" | wc -l)" \
        "$(( 1 + $(find "$out" -mindepth 3 -maxdepth 3 -path "$out/page/*/index.html" ! -path "$out/page/1/*" | wc -l) ))" \
        "$(find "$out" -mindepth 3 -maxdepth 3 -path "$out/category/*/index.html" | wc -l)"
}

# same_pages N SCHOOLSITE_OUT HUGO_OUT: both outputs have N post pages, the same
# number of list and category pages, and a feed of the newest 20 (or N) posts.
same_pages() {
    local n=$1 ours=$2 theirs=$3
    local posts_ours lists_ours cats_ours posts_theirs lists_theirs cats_theirs feed_ours feed_theirs
    read -r posts_ours lists_ours cats_ours < <(count_pages "$ours")
    read -r posts_theirs lists_theirs cats_theirs < <(count_pages "$theirs")
    feed_ours=$(grep -c '<entry>' "$ours/feed.xml" || true)
    feed_theirs=$(grep -c '<item>' "$theirs/feed.xml" || true)
    echo "   schoolsite / Hugo: post pages $posts_ours / $posts_theirs, list pages $lists_ours / $lists_theirs," \
        "category pages $cats_ours / $cats_theirs, feed entries $feed_ours / $feed_theirs" >&2
    local feed=$(( n < 20 ? n : 20 ))
    if [ "$posts_ours" -ne "$n" ] || [ "$posts_theirs" -ne "$n" ] || [ "$lists_ours" -ne "$lists_theirs" ] \
        || [ "$cats_ours" -ne "$cats_theirs" ] || [ "$feed_ours" -ne "$feed" ] || [ "$feed_theirs" -ne "$feed" ]; then
        echo "run.sh: schoolsite and Hugo did not make the same pages for $n posts" >&2; exit 1
    fi
}

for n in "${SIZES[@]}"; do
    big="$BENCH_DIR/posts-$n-people-1000"
    small="$BENCH_DIR/posts-$n-people-10"
    hugo_src="$BENCH_DIR/hugo-posts-$n"
    out="$BENCH_DIR/out-$n"
    generate "$n" 1000 "$big"
    generate "$n" 10 "$small"
    hugo_site "$big" "$hugo_src"
    # After the warm-up both replace an existing output: schoolsite writes a new tree
    # beside it and swaps it in, Hugo overwrites its destination in place. The
    # build cache is deleted first, so that every schoolsite build is a full one
    # (the output record, like the spare, stays: it is of the output, not the posts).
    cache="$BENCH_DIR/.out-$n.cache"
    schoolsite_build=(bash -c 'rm -f "$1" && exec "${@:2}"' clean-build "$cache" "$BIN" build --site "$big" --output "$out" --date "$DATE" --quiet)
    hugo_build=("$HUGO" --quiet --source "$hugo_src" --destination "$BENCH_DIR/hugo-out-$n")
    WARM=("$big" "$out" "$hugo_src" "$BENCH_DIR/hugo-out-$n")
    alternate "$n posts" "build (1000 people)" schoolsite_build "hugo" hugo_build
    same_pages "$n" "$out" "$BENCH_DIR/hugo-out-$n"
    # A first build: into a new, empty folder each run, so there is no cache and
    # no spare to start from and every file is written. The folders are removed
    # only afterwards, so no run follows the deletion of a whole site.
    echo "== $n posts: build into an empty folder" >&2
    WARM=("$big")
    for i in $(seq "$RUNS"); do
        timed_run "$i" "$n posts" "build (empty folder)" "$BIN" build --site "$big" --output "$BENCH_DIR/fresh-$n-$i" --date "$DATE" --quiet
    done
    for i in $(seq "$RUNS"); do rm -rf "$BENCH_DIR/fresh-$n-$i" "$BENCH_DIR/.fresh-$n-$i.spare" "$BENCH_DIR/.fresh-$n-$i.cache" "$BENCH_DIR/.fresh-$n-$i.record"; done
    # The site's own output/ and its build cache: absent for the first two check
    # rows (every post read and checked), built once for the third.
    own_output=("$big/output" "$big/.output.cache" "$big/.output.record" "$big/.output.spare" "$big/.output.lock")
    rm -rf "${own_output[@]}"
    measure "$n posts" "check (1000 people)" "$BIN" check --site "$big" --date "$DATE"
    WARM=("$small")
    measure "$n posts" "check (10 people)" "$BIN" check --site "$small" --date "$DATE"
    WARM=("$big")
    echo "== $n posts: building $big/output for the check after a build (untimed)" >&2
    "$BIN" build --site "$big" --date "$DATE" --quiet >>"$LOG" 2>&1 \
        || { echo "run.sh: could not build $big/output (see $LOG)" >&2; exit 1; }
    measure "$n posts" "check (after a build)" "$BIN" check --site "$big" --date "$DATE"
    rm -rf "${own_output[@]}"
    # Incremental rebuilds, with the cache the warm-up leaves: nothing changed,
    # then one old post edited and approved again before each timed build.
    rebuild=("$BIN" build --site "$big" --output "$out" --date "$DATE" --quiet)
    WARM=("$big" "$out")
    measure "$n posts" "rebuild (no change)" "${rebuild[@]}"
    posts=("$big"/content/posts/*/)
    edited="${posts[0]%/}"
    echo "== $n posts: rebuild (1 post changed): $(basename "$edited")" >&2
    warm_up "rebuild (1 post changed)" "${rebuild[@]}"
    for i in $(seq "$RUNS"); do
        printf '\nUpdated (%s).\n' "$i" >>"$edited/index.md"
        "$BIN" approve "$(basename "$edited")" --site "$big" --key "$big/approver.key" >>"$LOG" 2>&1 \
            || { echo "run.sh: could not approve the edited post (see $LOG)" >&2; exit 1; }
        timed_run "$i" "$n posts" "rebuild (1 post changed)" "${rebuild[@]}"
    done
done

python3 - "$RESULTS" "$RUNS" "$HUGO_VERSION" <<'EOF'
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
medians = {key: [statistics.median(run[i] for run in runs) for i in range(3)] for key, runs in rows.items()}
print()
print(f"median of {sys.argv[2]} runs; CPU = user + system seconds (all threads)")
print(f"{'corpus':<12} {'command':<26} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12}")
for (corpus, command), (wall, cpu, rss) in medians.items():
    print(f"{corpus:<12} {command:<26} {wall:>8.2f} {cpu:>8.2f} {rss:>12.1f}")
print()
print("incremental rebuilds (target: no change <= 0.10, one post changed <= 0.15 of the full build)")
for (corpus, command), ours in medians.items():
    full = medians.get((corpus, "build (1000 people)"))
    if command.startswith("rebuild") and full:
        print(f"{corpus:<12} {command:<26} {ours[0] / full[0]:>5.2f} x the full build's wall time, {ours[1] / full[1]:.2f} x its CPU time")
print()
print("check (target: under 1 s)")
for (corpus, command), ours in medians.items():
    if command.startswith("check"):
        print(f"{corpus:<12} {command:<26} {ours[0]:>5.2f} s   {'met' if ours[0] < 1 else 'NOT met'}")
print()
print(f"schoolsite build vs Hugo {sys.argv[3]} on the same posts (medians, run alternately);"
      " ratio = schoolsite / Hugo, target: wall <= 0.30, RSS <= 0.25")
print(f"{'corpus':<12} {'schoolsite s':>12} {'Hugo s':>8} {'ratio':>6}"
      f" {'schoolsite MB':>14} {'Hugo MB':>8} {'ratio':>6}")
for (corpus, command), ours in medians.items():
    hugo = medians.get((corpus, "hugo"))
    if command not in ("build (1000 people)", "build (empty folder)") or not hugo:
        continue
    print(f"{command}:")
    wall, rss = ours[0] / hugo[0], ours[2] / hugo[2]
    print(f"{corpus:<12} {ours[0]:>12.2f} {hugo[0]:>8.2f} {wall:>6.2f} {ours[2]:>14.1f} {hugo[2]:>8.1f} {rss:>6.2f}"
          f"   wall {'met' if wall <= 0.30 else 'NOT met'}, RSS {'met' if rss <= 0.25 else 'NOT met'}")
    if command == "build (1000 people)":
        # Each round's two builds ran back to back, so the ratio of a round is less
        # swayed by the machine's busy moments than the ratio of the medians.
        pairs = [ran[0] / other[0] for ran, other in zip(rows[(corpus, command)], rows[(corpus, "hugo")])]
        print(f"{'':<12} wall ratio of each round: {', '.join(f'{pair:.2f}' for pair in pairs)};"
              f" median {statistics.median(pairs):.2f}, {sum(pair > 0.30 for pair in pairs)} of {len(pairs)} above 0.30")
EOF
echo "schoolsite at $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- Sources Package.swift 2>/dev/null || echo ' with uncommitted changes'); Hugo $HUGO_VERSION"
echo "machine: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(nproc) CPUs, $(free -g | awk '/^Mem:/ {print $2}') GB of memory"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (other work on the machine inflates wall times; CPU seconds are steadier)"
