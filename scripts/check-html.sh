#!/usr/bin/env bash
# Checks the HTML report in a real headless browser (Chromium from Debian's packages:
# `apt-get install -y chromium`).
#
# Renders the seeds' report (`figures report --manifest seeds/manifest.json --format html seeds`),
# loads it in headless Chromium with every host unresolvable, and checks that:
#   - the page logs nothing to the console (it has no scripts, so any message is a blocked or
#     failed load: a Content Security Policy violation, a fetch);
#   - every finding of the JSON report is on the page: an element with its id (F1, F2, …) whose
#     text holds the finding's message;
#   - each series of the report has its timeline chart (an inline SVG with one point per figure).
# Then it writes a screenshot of the page. Exit 0 when all hold, 1 when a check fails, 2 when
# something needed is missing.
#
# usage: scripts/check-html.sh [OUTPUT_DIR]     (default .build/check-html)
#   FIGURES=path/to/figures to use a built binary instead of `swift build`.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-.build/check-html}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
    echo "check-html: chromium is not installed (apt-get install -y chromium)" >&2
    exit 2
fi
command -v python3 >/dev/null || { echo "check-html: python3 is needed" >&2; exit 2; }

figures="${FIGURES:-}"
if [ -z "$figures" ]; then
    swift build --product figures >&2
    figures="$(swift build --show-bin-path)/figures"
fi

# The report: 1 (findings) is expected for the seeds; 2 is an error.
report() {
    local status=0
    "$figures" report --manifest seeds/manifest.json --format "$1" --output "$2" seeds 2>>"$out/figures.log" || status=$?
    if [ "$status" -ge 2 ]; then echo "check-html: figures report failed ($status), see $out/figures.log" >&2; exit 2; fi
}
: >"$out/figures.log"
report html "$out/seeds.html"
report json "$out/seeds.json"

chrome() {
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars \
        --host-resolver-rules="MAP * ~NOTFOUND" --enable-logging=stderr --v=0 --virtual-time-budget=3000 "$@"
}
chrome --dump-dom "file://$out/seeds.html" >"$out/dom.html" 2>"$out/console.log"
chrome --window-size=1280,2200 --screenshot="$out/seeds.png" "file://$out/seeds.html" >/dev/null 2>>"$out/console.log"

python3 - "$out" <<'PY'
import html.parser, json, sys
out = sys.argv[1]
failures = []

console = [l for l in open(f"{out}/console.log", encoding="utf-8", errors="replace") if ":CONSOLE" in l]
for line in console:
    failures.append("console: " + line.strip())

class Page(html.parser.HTMLParser):
    """Collects the text under each element with an id, and the SVG charts' points."""
    def __init__(self):
        super().__init__()
        self.stack, self.text, self.svgs, self.points = [], {}, 0, []
    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg":
            self.svgs += 1
            self.points.append(0)
        if tag == "g" and attrs.get("class") == "point" and self.points:
            self.points[-1] += 1
        self.stack.append((tag, attrs.get("id")))
        if attrs.get("id"):
            self.text.setdefault(attrs["id"], "")
    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break
    def handle_data(self, data):
        for _, i in self.stack:
            if i:
                self.text[i] += data

page = Page()
page.feed(open(f"{out}/dom.html", encoding="utf-8").read())
report = json.load(open(f"{out}/seeds.json", encoding="utf-8"))
normalize = lambda s: " ".join(s.split())
for finding in report["findings"]:
    text = normalize(page.text.get(finding["id"], ""))
    if not text:
        failures.append(f"finding {finding['id']} is not on the page")
    elif normalize(finding["message"]) not in text:
        failures.append(f"finding {finding['id']}: its message is not on the page")
    else:
        print(f"check-html: {finding['id']} ({finding['kind']}, {finding['category']}) is on the page")
if page.svgs == 0:
    failures.append("no timeline chart on the page")
if any(n == 0 for n in page.points):
    failures.append(f"a chart has no points: {page.points}")
print(f"check-html: {len(report['findings'])} findings, {page.svgs} charts with {page.points} points, {len(console)} console messages")
for f in failures:
    print("check-html: FAIL " + f, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
echo "check-html: ok; screenshot $out/seeds.png"
