#!/usr/bin/env python3
"""Validate the lexical fixtures (numbers.jsonl, dates.jsonl, negatives.jsonl).

Usage:
    python3 validate.py            # validate every *.jsonl next to this script
    python3 validate.py FILE...    # validate the given files
    python3 validate.py --spans    # also print the UTF-8 byte span of every record

Checks: one valid JSON object per line with exactly the keys text/published/expect;
"published" is a real calendar date; every record has a known layer and kind, a
well-formed value (numbers: numeric value and low <= value <= high; dates: an
ISO 8601 / TIMEX3 string of the shape required by its kind); every record text
occurs in the sentence, on word boundaries, in textual order and without
overlapping the previous record (this is exactly how byte spans are derived, see
README.md); a day record whose text names a weekday has a value on that weekday;
negatives.jsonl lines expect nothing. Exits non-zero on any error and prints
counts by file, layer and kind.
"""
import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

NUMBER_KINDS = {"count", "percent", "fraction", "range", "vague", "money"}
DATE_KINDS = {"day", "month", "year", "interval", "duration", "open_interval"}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
YEAR_RE = re.compile(r"^\d{4}$")
DURATION_RE = re.compile(r"^P(?:\d+[YMWD]|T\d+[HMS])$")


def point(s):
    """Parse one end of an interval; return (granularity, comparable tuple) or None."""
    m = DAY_RE.match(s)
    if m:
        try:
            d = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        return "day", (d.year, d.month, d.day)
    m = MONTH_RE.match(s)
    if m:
        if not 1 <= int(m[2]) <= 12:
            return None
        return "month", (int(m[1]), int(m[2]))
    if YEAR_RE.match(s):
        return "year", (int(s),)
    return None


def check_date_value(kind, v):
    if not isinstance(v, str):
        return "date value must be a string"
    if kind in ("day", "month", "year"):
        p = point(v)
        if p is None or p[0] != kind:
            return f"value {v!r} is not a valid {kind}"
        return None
    if kind == "duration":
        return None if DURATION_RE.match(v) else f"value {v!r} is not a duration like P70D / PT48H"
    if kind == "interval":
        parts = v.split("/")
        if len(parts) != 2:
            return f"interval {v!r} must be START/END"
        a, b = point(parts[0]), point(parts[1])
        if a is None or b is None:
            return f"interval {v!r} has a malformed end"
        if a[0] != b[0]:
            return f"interval {v!r} mixes granularities"
        if a[1] > b[1]:
            return f"interval {v!r} ends before it starts"
        return None
    if kind == "open_interval":
        parts = v.split("/")
        if len(parts) != 2 or (parts[0] == "..") == (parts[1] == ".."):
            return f"open interval {v!r} must be START/.. or ../END"
        end = parts[0] if parts[1] == ".." else parts[1]
        return None if point(end) else f"open interval {v!r} has a malformed end"
    return f"unknown date kind {kind!r}"


def is_word_char(ch):
    return ch.isalnum() or ch == "_"


def find_span(text, needle, start):
    """First occurrence of needle at or after start that sits on word boundaries."""
    i = text.find(needle, start)
    while i != -1:
        before = text[i - 1] if i > 0 else " "
        j = i + len(needle)
        after = text[j] if j < len(text) else " "
        if not is_word_char(before) and not is_word_char(after):
            return i, j
        i = text.find(needle, i + 1)
    return None


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def validate_file(path, show_spans, counts, errors, seen):
    name = path.name
    for ln, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{name}:{ln}"
        if not raw.strip():
            errors.append(f"{where}: empty line")
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: invalid JSON: {e}")
            continue
        if not isinstance(obj, dict) or set(obj) != {"text", "published", "expect"}:
            errors.append(f"{where}: object must have exactly the keys text, published, expect")
            continue
        text, pub, expect = obj["text"], obj["published"], obj["expect"]
        if not isinstance(text, str) or not text:
            errors.append(f"{where}: text must be a non-empty string")
            continue
        if not isinstance(pub, str) or point(pub) is None or point(pub)[0] != "day":
            errors.append(f"{where}: published {pub!r} is not a YYYY-MM-DD date")
        if not isinstance(expect, list):
            errors.append(f"{where}: expect must be a list")
            continue
        key = (text, pub)
        if key in seen:
            errors.append(f"{where}: duplicate of {seen[key]}")
        seen[key] = where
        if name.startswith("negatives") and expect:
            errors.append(f"{where}: negatives must expect nothing")
        counts[(name, "lines")] += 1
        if not expect:
            counts[(name, "empty")] += 1
        pos = 0
        for k, rec in enumerate(expect):
            w = f"{where} record {k} ({rec.get('text') if isinstance(rec, dict) else rec!r})"
            if not isinstance(rec, dict):
                errors.append(f"{w}: record must be an object")
                continue
            layer, kind, rtext = rec.get("layer"), rec.get("kind"), rec.get("text")
            if not isinstance(rtext, str) or not rtext:
                errors.append(f"{w}: text must be a non-empty string")
                continue
            if "value" not in rec:
                errors.append(f"{w}: missing value")
                continue
            v = rec["value"]
            if layer == "number":
                allowed = {"text", "layer", "kind", "value", "low", "high"}
                if kind not in NUMBER_KINDS:
                    errors.append(f"{w}: unknown number kind {kind!r}")
                if not is_num(v):
                    errors.append(f"{w}: number value must be numeric")
                if ("low" in rec) != ("high" in rec):
                    errors.append(f"{w}: give both low and high or neither")
                lo, hi = rec.get("low"), rec.get("high")
                for b in (lo, hi):
                    if b is not None and not is_num(b):
                        errors.append(f"{w}: bounds must be numbers or null")
                if is_num(v) and is_num(lo) and lo > v + 1e-9:
                    errors.append(f"{w}: low {lo} > value {v}")
                if is_num(v) and is_num(hi) and hi < v - 1e-9:
                    errors.append(f"{w}: high {hi} < value {v}")
                if kind == "range" and (not is_num(lo) or not is_num(hi) or lo != v):
                    errors.append(f"{w}: a range needs value == low and a numeric high")
                if kind == "fraction" and is_num(v) and not 0 < v <= 1:
                    errors.append(f"{w}: fraction value must be in (0, 1]")
            elif layer == "date":
                allowed = {"text", "layer", "kind", "value"}
                if kind not in DATE_KINDS:
                    errors.append(f"{w}: unknown date kind {kind!r}")
                else:
                    err = check_date_value(kind, v)
                    if err:
                        errors.append(f"{w}: {err}")
                    elif kind == "day":
                        named = [d for d in WEEKDAYS if re.search(rf"\b{d}\b", rtext.lower())]
                        if named:
                            real = WEEKDAYS[date.fromisoformat(v).weekday()]
                            if named != [real]:
                                errors.append(f"{w}: {v} is a {real}, text names {named}")
            else:
                errors.append(f"{w}: unknown layer {layer!r}")
                continue
            extra = set(rec) - allowed
            if extra:
                errors.append(f"{w}: unexpected keys {sorted(extra)}")
            counts[(name, f"{layer}:{kind}")] += 1
            span = find_span(text, rtext, pos)
            if span is None:
                if rtext in text:
                    errors.append(f"{w}: text occurs, but not on word boundaries after the previous record (order/overlap?)")
                else:
                    errors.append(f"{w}: text is not a substring of the sentence")
                continue
            pos = span[1]
            if show_spans:
                b0 = len(text[: span[0]].encode("utf-8"))
                b1 = len(text[: span[1]].encode("utf-8"))
                print(f"{where}\t{b0}\t{b1}\t{layer}:{kind}\t{rtext}")


def main(argv):
    show_spans = "--spans" in argv
    files = [Path(a) for a in argv if not a.startswith("--")]
    if not files:
        files = sorted(Path(__file__).resolve().parent.glob("*.jsonl"))
    counts, errors, seen = Counter(), [], {}
    for f in files:
        validate_file(f, show_spans, counts, errors, seen)
    for f in files:
        keys = sorted(k for (fn, k) in counts if fn == f.name)
        print(f"{f.name}: {counts[(f.name, 'lines')]} lines, {counts[(f.name, 'empty')]} expecting nothing")
        for k in keys:
            if k not in ("lines", "empty"):
                print(f"  {k:24} {counts[(f.name, k)]}")
    total = Counter()
    for (fn, k), c in counts.items():
        if ":" in k:
            total[k] += c
    print("all files:")
    for k in sorted(total):
        print(f"  {k:24} {total[k]}")
    if errors:
        print(f"\n{len(errors)} error(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
