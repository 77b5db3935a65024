#!/usr/bin/env bash
# Figures against the alternatives, side by side in one run on one generated corpus, as ratios:
# Figures' scan and extract, the same rule patterns through NSRegularExpression and as one naive
# PCRE2 alternation, Microsoft Recognizers-Text (Python, installed into peer/.venv on first use),
# and the memory-scan ceiling. Prints a Markdown table (see README.md).
#
#   ./compare.sh                       the dense 100 MB corpus, 3 rounds
#   ./compare.sh --density sparse      the sparse one
#   ./compare.sh --megabytes 20 --rounds 1 --no-peer   a quick look
#
# The corpus is generated on first use into corpus/ (git-ignored), with its gold claims beside it.
set -euo pipefail
cd "$(dirname "$0")"
flags=(-c release)
swift build "${flags[@]}" --product compare >&2
echo "Swift: $(swift --version 2>/dev/null | head -n 1); PCRE2: $(pkg-config --modversion libpcre2-8 2>/dev/null || echo '?')"
"$(swift build "${flags[@]}" --show-bin-path)/compare" "$@"
