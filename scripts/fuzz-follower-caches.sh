#!/usr/bin/env bash
# Differential fuzz of the scanner's follower caches (FollowerCache, ContextFreePattern):
# every rule that matches at a narrowed candidate must pass its probe on the scanner's prefix
# (and on every prefix up to 4 bytes past its match), and the shipped scanner must give what
# the same scanner without probes, and the exhaustive one, give.
#
#   scripts/fuzz-follower-caches.sh [MB] [SEED]
#
# MB: megabytes of in-process generated news (default 8; mutations and adversarial strings come
# on top, about 4x in all). Also scans `figures corpus` output (dense and sparse, jsonl) and
# the Duckling corpus. Release build with testing enabled; takes minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
MB="${1:-8}"
SEED="${2:-1}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
swift build -c release -Xswiftc -enable-testing --build-tests
FIGURES=.build/release/figures
"$FIGURES" corpus --size 2MB --density dense --seed "$((SEED + 10))" --format jsonl --output "$WORK/dense.jsonl"
"$FIGURES" corpus --size 2MB --density sparse --seed "$((SEED + 20))" --format jsonl --output "$WORK/sparse.jsonl"
FILES="$WORK/dense.jsonl:$WORK/sparse.jsonl"
for peer in Fixtures/peers/duckling_numeral_en.jsonl ../shared/peers/duckling_numeral_en.jsonl; do
  [ -f "$peer" ] && FILES="$FILES:$peer"
done
FIGURES_FUZZ_MB="$MB" FIGURES_FUZZ_SEED="$SEED" FIGURES_FUZZ_FILES="$FILES" \
  swift test -c release -Xswiftc -enable-testing --skip-build --filter longFuzz
