#!/usr/bin/env python3
"""Validate the news test corpus (Fixtures/news/{dev,heldout,heldout2}).

usage: python3 Fixtures/news/validate.py [SPLIT_DIR ...]

For each split: loads manifest.json and gold.json, checks that every id has a
text file, that every gold span (and every part_of span) occurs verbatim in the
article's UTF-8 bytes, that fields hold allowed values, that refers_to parses as
ISO 8601 (day, month, year, or A/B interval) and does not lie after publication
for reported figures, that a 'date YYYY-MM-DD' header agrees with the manifest,
that article lengths are 120-450 words, and that the digits in a span agree with
its value. Prints counts per category and per qualifier. Exit status 1 on error.
"""
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

CATEGORIES = {"killed", "injured", "missing", "captives_taken", "captives_held", "captives_released",
              "prisoners_held", "prisoners_released", "displaced", "other"}
QUALIFIERS = {"exact", "approximately", "nearly", "more_than", "at_least", "less_than", "at_most", "up_to", "range"}
MODALITIES = {"reported", "agreed", "planned", "expected", "proposed", "offered"}
UNITS = {"people", "percent"}
CLAIM_KEYS = {"span", "value", "qualifier", "category", "population", "refers_to", "attributed_to",
              "modality", "unit", "part_of", "optional"}
MANIFEST_KEYS = {"id", "file", "published", "basis", "outlet", "url"}
SCALES = {"million": 1e6, "billion": 1e9, "thousand": 1e3, "hundred": 1e2}


def parse_when(s):
    """Return (first_day, last_day) of an ISO day, month or year, or None."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            d = dt.date.fromisoformat(s)
            return d, d
        if re.fullmatch(r"\d{4}-\d{2}", s):
            y, m = map(int, s.split("-"))
            first = dt.date(y, m, 1)
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", s):
            return dt.date(int(s), 1, 1), dt.date(int(s), 12, 31)
    except ValueError:
        return None
    return None


def parse_refers(s):
    parts = s.split("/")
    if len(parts) > 2:
        return None
    spans = [parse_when(p) for p in parts]
    if any(p is None for p in spans):
        return None
    if len(spans) == 2 and spans[0][0] > spans[1][1]:
        return None
    return spans[0][0], spans[-1][1]


def span_number(span):
    """The first digit-written number in a span, with a following scale word, or None."""
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*(million|billion|thousand|hundred)?", span)
    if not m:
        return None
    v = float(m.group(1).replace(",", ""))
    return v * SCALES.get(m.group(2) or "", 1)


def check_split(d: Path):
    errors, warnings = [], []
    err = errors.append
    man = json.loads((d / "manifest.json").read_text(encoding="utf-8"))
    gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
    for top in ("about", "articles"):
        if top not in man:
            err(f"manifest: missing '{top}'")
        if top not in gold:
            err(f"gold: missing '{top}'")
    meta = {}
    for a in man.get("articles", []):
        if set(a) != MANIFEST_KEYS:
            err(f"manifest {a.get('id')}: keys {sorted(a)} != {sorted(MANIFEST_KEYS)}")
        if a["file"] != a["id"] + ".txt":
            err(f"manifest {a['id']}: file {a['file']!r} is not id + '.txt'")
        if not (d / a["file"]).exists():
            err(f"manifest {a['id']}: no file {a['file']}")
        try:
            a["_pub"] = dt.date.fromisoformat(a["published"])
        except (ValueError, TypeError):
            err(f"manifest {a['id']}: published {a.get('published')!r} is not YYYY-MM-DD")
            a["_pub"] = None
        if a["id"] in meta:
            err(f"manifest: duplicate id {a['id']}")
        meta[a["id"]] = a
    g_articles = gold.get("articles", {})
    for missing in sorted(set(meta) - set(g_articles)):
        err(f"gold: no entry for manifest id {missing}")
    for extra in sorted(set(g_articles) - set(meta)):
        err(f"gold: id {extra} not in manifest")
    for f in sorted(d.glob("*.txt")):
        if f.stem not in meta:
            err(f"{f.name}: not listed in manifest")

    cats, quals, cats_opt = Counter(), Counter(), Counter()
    words_total = 0
    for aid, claims in g_articles.items():
        if aid not in meta or not (d / f"{aid}.txt").exists():
            continue
        raw = (d / f"{aid}.txt").read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{aid}: not UTF-8 ({e})")
            continue
        pub = meta[aid]["_pub"]
        nwords = len(text.split())
        words_total += nwords
        if not 120 <= nwords <= 450:
            err(f"{aid}: {nwords} words, outside 120-450")
        header = re.match(r"\s*date (\d{4}-\d{2}-\d{2})\b", text)
        if header:
            if header.group(1) != meta[aid]["published"]:
                err(f"{aid}: header date {header.group(1)} != published {meta[aid]['published']}")
            if meta[aid]["basis"] != "header":
                warnings.append(f"{aid}: has a date header but basis is {meta[aid]['basis']!r}")
        spans = {c.get("span") for c in claims}
        seen = Counter()
        for i, c in enumerate(claims):
            where = f"{aid}[{i}] «{c.get('span')}»"
            unknown = set(c) - CLAIM_KEYS
            if unknown:
                err(f"{where}: unknown keys {sorted(unknown)}")
            for k in ("span", "value", "qualifier", "category"):
                if k not in c:
                    err(f"{where}: missing '{k}'")
            if not isinstance(c.get("span"), str) or not c.get("span"):
                err(f"{where}: span must be a non-empty string")
                continue
            if c["span"].encode("utf-8") not in raw:
                err(f"{where}: span not found in {aid}.txt")
            if not isinstance(c.get("value"), (int, float)) or isinstance(c.get("value"), bool):
                err(f"{where}: value must be a number")
            if c.get("qualifier") not in QUALIFIERS:
                err(f"{where}: qualifier {c.get('qualifier')!r} not in {sorted(QUALIFIERS)}")
            if c.get("category") not in CATEGORIES:
                err(f"{where}: category {c.get('category')!r} not in {sorted(CATEGORIES)}")
            if "modality" in c and c["modality"] not in MODALITIES:
                err(f"{where}: modality {c['modality']!r} not in {sorted(MODALITIES)}")
            if "unit" in c and c["unit"] not in UNITS:
                err(f"{where}: unit {c['unit']!r} not in {sorted(UNITS)}")
            if "optional" in c and not isinstance(c["optional"], bool):
                err(f"{where}: optional must be true/false")
            if "population" in c and c["population"] is not None and not isinstance(c["population"], str):
                err(f"{where}: population must be a string or null")
            if "attributed_to" in c and not isinstance(c["attributed_to"], str):
                err(f"{where}: attributed_to must be a string")
            real = c.get("category") != "other"
            if real and not c.get("optional"):
                if "population" not in c:
                    err(f"{where}: required claim without 'population' (use null when none)")
                if "refers_to" not in c:
                    err(f"{where}: required claim without 'refers_to' (use null when unknowable)")
            r = c.get("refers_to")
            if r is not None:
                if not isinstance(r, str) or parse_refers(r) is None:
                    err(f"{where}: refers_to {r!r} is not ISO day/month/year or A/B")
                elif pub and c.get("modality", "reported") == "reported" and parse_refers(r)[0] > pub:
                    err(f"{where}: refers_to {r} starts after publication {pub}")
                elif pub and "/" in r and parse_when(r.split("/")[1])[0] > pub:
                    err(f"{where}: refers_to {r} ends after publication {pub}")
            elif real and not c.get("optional"):
                warnings.append(f"{where}: refers_to is null")
            if "part_of" in c:
                if c["part_of"] not in spans:
                    err(f"{where}: part_of «{c['part_of']}» is not the span of a claim in {aid}")
                else:
                    whole = next(w for w in claims if w["span"] == c["part_of"])
                    if whole.get("category") != c.get("category") and whole.get("category") != "other":
                        err(f"{where}: part_of a claim of category {whole.get('category')}")
                    if isinstance(whole.get("value"), (int, float)) and c.get("unit") == whole.get("unit") \
                            and c.get("value", 0) > whole["value"]:
                        err(f"{where}: part ({c.get('value')}) larger than its whole ({whole['value']})")
            n = span_number(c["span"])
            if n is not None and c.get("unit") != "percent" and c.get("qualifier") != "range" \
                    and isinstance(c.get("value"), (int, float)) \
                    and abs(n - c["value"]) > 1e-6 * max(1, abs(n)):
                warnings.append(f"{where}: first number in span is {n:g}, value is {c['value']}")
            key = (c["span"], c.get("category"), c.get("value"))
            seen[key] += 1
            if seen[key] > 1:
                err(f"{where}: duplicate claim")
            if c.get("optional"):
                cats_opt[c.get("category")] += 1
            else:
                cats[c.get("category")] += 1
                quals[c.get("qualifier")] += 1
    return errors, warnings, cats, cats_opt, quals, len(meta), words_total


def main(argv):
    here = Path(__file__).resolve().parent
    dirs = [Path(a) for a in argv] or [here / "dev", here / "heldout", here / "heldout2"]
    total_err = 0
    all_c, all_o, all_q = Counter(), Counter(), Counter()
    for d in dirs:
        errors, warnings, cats, opt, quals, n, words = check_split(d)
        total_err += len(errors)
        all_c.update(cats), all_o.update(opt), all_q.update(quals)
        print(f"== {d.name}: {n} articles, {words} words, {sum(cats.values())} required claims, "
              f"{sum(opt.values())} optional")
        for e in errors:
            print("  ERROR   " + e)
        for w in warnings:
            print("  warning " + w)
        print("  category:  " + ", ".join(f"{k} {cats[k]}" + (f" (+{opt[k]} opt)" if opt[k] else "")
                                          for k in sorted(set(cats) | set(opt))))
        print("  qualifier: " + ", ".join(f"{k} {v}" for k, v in sorted(quals.items())))
    if len(dirs) > 1:
        print(f"== total: {sum(all_c.values())} required claims, {sum(all_o.values())} optional")
        print("  category:  " + ", ".join(f"{k} {all_c[k]}" + (f" (+{all_o[k]} opt)" if all_o[k] else "")
                                          for k in sorted(set(all_c) | set(all_o))))
        print("  qualifier: " + ", ".join(f"{k} {v}" for k, v in sorted(all_q.items())))
    print("OK" if total_err == 0 else f"{total_err} error(s)")
    return 1 if total_err else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
