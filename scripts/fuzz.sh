#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser (cargo-fuzz + libFuzzer, nightly toolchain).
#
#   scripts/fuzz.sh [RUNS] [TARGET...]
#
# Runs each fuzz target of fuzz/ (all of them by default) for RUNS executions (default
# 1000000) and prints one summary line per target: executions, seconds, executions per
# second, final coverage (cov/ft) and whether it found a crash. Installs cargo-fuzz if it
# is missing. Each target starts from its committed seeds in fuzz/corpus/<target>/ but
# grows its working corpus in $FUZZ_WORK (default target/fuzz-work/corpus/<target>), so the
# repository is not touched; crashes land in fuzz/artifacts/<target>/. The Markdown,
# TOML and PNG dictionaries in fuzz/dicts/ are used. content_folder loads a whole content
# folder per input (about 100 times slower than the parser targets), so it also stops
# after FUZZ_SLOW_SECS seconds (default 1800); FUZZ_MAX_SECS caps every target likewise.
# Also: FUZZ_MAX_LEN (default 65536), FUZZ_TIMEOUT (seconds per input counted as a hang,
# default 5), FUZZ_RSS_MB (default 2048). Exits 1 when any target crashed or hung.
set -euo pipefail

cd "$(dirname "$0")/.."
runs="${1:-1000000}"
shift || true
targets=("$@")

if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --version 0.13.1 --locked
fi
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo +nightly fuzz list)
fi

work="${FUZZ_WORK:-$PWD/target/fuzz-work}"
max_len="${FUZZ_MAX_LEN:-65536}"
timeout="${FUZZ_TIMEOUT:-5}"
rss="${FUZZ_RSS_MB:-2048}"
mkdir -p "$work/logs"

dict_of() {
    case "$1" in
        guide | faq | compare) echo fuzz/dicts/markdown.dict ;;
        logo) echo fuzz/dicts/png.dict ;;
        content_folder) echo "" ;; # several formats at once: no dictionary
        *) echo fuzz/dicts/toml.dict ;;
    esac
}

# One build for every target, then each run reuses it.
cargo +nightly fuzz build

failed=0
summary=()
for target in "${targets[@]}"; do
    corpus="$work/corpus/$target"
    mkdir -p "$corpus"
    log="$work/logs/$target.log"
    dict="$(dict_of "$target")"
    args=(-runs="$runs" -max_len="$max_len" -timeout="$timeout" -rss_limit_mb="$rss"
        -print_final_stats=1)
    [ -n "$dict" ] && args+=(-dict="$dict")
    if [ "$target" = content_folder ]; then
        args+=(-max_total_time="${FUZZ_MAX_SECS:-${FUZZ_SLOW_SECS:-1800}}")
    elif [ -n "${FUZZ_MAX_SECS:-}" ]; then
        args+=(-max_total_time="$FUZZ_MAX_SECS")
    fi
    start=$(date +%s.%N)
    status=ok
    if ! cargo +nightly fuzz run "$target" "$corpus" "fuzz/corpus/$target" -- "${args[@]}" \
        >"$log" 2>&1; then
        status="FAILED (see $log and fuzz/artifacts/$target/)"
        failed=1
    fi
    end=$(date +%s.%N)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    line=$(awk -v t="$target" -v e="${execs:-0}" -v s="$start" -v f="$end" -v c="${cov:-?}" \
        -v ft="${ft:-?}" -v st="$status" \
        'BEGIN { d = f - s; printf "%-15s %9d execs %8.1f s %9.0f execs/s  cov %s ft %s  %s", t, e, d, (d > 0 ? e / d : 0), c, ft, st }')
    echo "$line"
    summary+=("$line")
done

echo
echo "summary ($runs executions per target requested):"
printf '%s\n' "${summary[@]}"
exit "$failed"
