#!/usr/bin/env bash
# Which model should image sets get by default? Trains each model for the same wall-clock time on
# the same data and measures the FCD of the snapshot it ends with (lower is better).
#
#   scripts/compare_models.sh [seconds] [dataset...]    default 60 s; faces and, if present,
#                                                        ../shared/data/mnist (idx:)
#
# Each run: `ganscope train --headless --model M --eval-every 0 --save-on-exit`, stopped with
# SIGINT after the given time (a clean stop that saves), then `ganscope eval --json` on the
# snapshot. Evaluations are off during training so both models spend the time training; the
# classifier FCD needs is trained by the first evaluation of a data set, outside the timed run,
# and copied to the next run's folder so it is trained once. Prints one line per run: data set, model, steps reached, FCD. Runs one at a
# time; a busy machine favours neither model but lowers both step counts.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
datasets=("$@")
if [ ${#datasets[@]} -eq 0 ]; then
    datasets=(faces)
    [ -d ../shared/data/mnist ] && datasets+=("idx:$(cd ../shared/data/mnist && pwd)")
fi

binary=.build/release/ganscope
[ -x "$binary" ] || swift build -c release >/dev/null
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

fcd_of() {  # the FCD field of `ganscope eval --json`
    "$binary" eval --checkpoint "$1" --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["frechetDistance"])'
}

printf '%-12s %-6s %8s %10s\n' dataset model steps FCD
for dataset in "${datasets[@]}"; do
    for model in mlp dcgan; do
        dir="$scratch/$model-$(echo "$dataset" | tr -c 'a-z0-9\n' '_')"
        mkdir -p "$dir"
        cp "$scratch"/classifier-* "$dir"/ 2>/dev/null || true
        timeout -s INT "$seconds" "$binary" train --headless --dataset "$dataset" --model "$model" \
            --steps 1000000000 --eval-every 0 --save-on-exit --checkpoint-dir "$dir" >/dev/null 2>&1 || true
        snapshot=$(ls "$dir"/*.safetensors | grep -v classifier- | tail -1)
        steps=$(basename "$snapshot" .safetensors | sed 's/.*-0*//')
        fcd=$(fcd_of "$snapshot")
        cp "$dir"/classifier-* "$scratch"/ 2>/dev/null || true
        printf '%-12s %-6s %8s %10s\n' "$(basename "$dataset")" "$model" "$steps" "$fcd"
    done
    rm -f "$scratch"/classifier-*
done
