#!/usr/bin/env bash
# Fuzzes schoolsite with libFuzzer under AddressSanitizer: the image metadata
# stripper, a post (front matter, Markdown, every policy rule, the theme) and
# the consent register. Any crash, sanitizer report or input taking over 5 s
# fails; the input is kept under .build-fuzz/artifacts/.
#
#   Tests/fuzz/run.sh [TARGET ...]        (default: images posts register)
#
# Environment: FUZZ_RUNS (inputs per target, default 100000), FUZZ_SECONDS (a
# time limit per target instead, 0 for none), FUZZ_SEED (default 1).
set -euo pipefail
cd "$(dirname "$0")/../.."
FUZZ_DIR=.build-fuzz
RUNS="${FUZZ_RUNS:-100000}"
SECONDS_EACH="${FUZZ_SECONDS:-0}"
SEED="${FUZZ_SEED:-1}"
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(images posts register)

SCHOOLSITE_FUZZ=1 swift build --scratch-path "$FUZZ_DIR" --product Fuzzer \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
mkdir -p "$FUZZ_DIR/artifacts"

# seed TARGET: the committed inputs libFuzzer starts from, in a fresh corpus folder.
seed() {
    local corpus="$FUZZ_DIR/corpus/$1"
    rm -rf "$corpus" && mkdir -p "$corpus"
    case "$1" in
        images) cp Tests/acceptance/fixtures/images/* "$corpus/" ;;
        posts)
            for post in content/posts/*/index.md; do cp "$post" "$corpus/$(basename "$(dirname "$post")").md"; done
            cp Tests/fuzz/posts/* "$corpus/" ;;
        register) cp content/register.csv Tests/fuzz/register/* "$corpus/" ;;
    esac
    echo "$corpus"
}

# site TARGET: a copy of the sample site with no posts, which the target writes into.
site() {
    local copy="$FUZZ_DIR/site-$1"
    rm -rf "$copy" && mkdir -p "$copy/content/posts"
    cp -r site.yml themes "$copy/"
    cp content/register.csv "$copy/content/"
    echo "$copy"
}

for target in "${TARGETS[@]}"; do
    case "$target" in images|posts|register) ;; *) echo "run.sh: no fuzz target $target" >&2; exit 2 ;; esac
    echo "== fuzzing $target: $RUNS inputs$([ "$SECONDS_EACH" = 0 ] || echo " or $SECONDS_EACH s")" >&2
    corpus="$(seed "$target")"
    SCHOOLSITE_FUZZ_TARGET="$target" SCHOOLSITE_FUZZ_SITE="$(site "$target")" \
        "$FUZZ_DIR/debug/Fuzzer" -seed="$SEED" -runs="$RUNS" -max_total_time="$SECONDS_EACH" \
        -timeout=5 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        -dict="Tests/fuzz/$target.dict" -artifact_prefix="$FUZZ_DIR/artifacts/$target-" "$corpus"
done
