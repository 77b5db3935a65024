#!/usr/bin/env bash
# The Python peer: Microsoft Recognizers-Text's number and date recognizers on the same corpus.
# Installs itself into Benchmarks/peer/.venv (git-ignored) on first use, then prints one JSON
# line with bytes and seconds.
#   peer/run.sh CORPUS.jsonl [MAX_BYTES]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import recognizers_suite" 2>/dev/null; then
    echo "peer: installing recognizers-text-suite into $venv" >&2
    python3 -m venv "$venv"
    # recognizers-text-suite 1.0.2a2 (2019) needs emoji before 1.0.
    "$venv/bin/pip" install --quiet "recognizers-text-suite==1.0.2a2" "emoji<1.0" >&2
fi
exec "$venv/bin/python" "$here/recognizers_bench.py" "$@"
