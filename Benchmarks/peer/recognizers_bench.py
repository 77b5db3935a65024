#!/usr/bin/env python3
"""Times Microsoft Recognizers-Text (number and date-time models, English) on a JSON Lines corpus.

usage: recognizers_bench.py CORPUS.jsonl [MAX_BYTES]

Reads articles ({"id", "text", "published"} per line) until their UTF-8 text adds up to
MAX_BYTES (default 300,000), parses each article with the number model, then with the
date-time model (reference: the article's publication date), and prints one JSON line:
{"bytes", "articles", "number_seconds", "date_seconds", "number_matches", "date_matches"}.
"""
import json
import sys
import time
from datetime import datetime

from recognizers_text import Culture
from recognizers_number import NumberRecognizer
from recognizers_date_time import DateTimeRecognizer


def main(argv):
    path = argv[0]
    limit = int(argv[1]) if len(argv) > 1 else 300_000
    articles = []
    total = 0
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if total >= limit:
                break
            record = json.loads(line)
            published = datetime.strptime(record.get("published") or "2024-01-01", "%Y-%m-%d")
            articles.append((record["text"], published))
            total += len(record["text"].encode("utf-8"))

    numbers = NumberRecognizer(Culture.English).get_number_model()
    dates = DateTimeRecognizer(Culture.English).get_datetime_model()
    # Warm up (regex compilation happens on first use).
    numbers.parse("More than 34,300 people")
    dates.parse("on Saturday, Oct. 7", datetime(2024, 4, 27))

    start = time.perf_counter()
    number_matches = sum(len(numbers.parse(text)) for text, _ in articles)
    number_seconds = time.perf_counter() - start

    start = time.perf_counter()
    date_matches = sum(len(dates.parse(text, published)) for text, published in articles)
    date_seconds = time.perf_counter() - start

    print(json.dumps({"bytes": total, "articles": len(articles), "number_seconds": number_seconds,
                      "date_seconds": date_seconds, "number_matches": number_matches, "date_matches": date_matches}))


if __name__ == "__main__":
    main(sys.argv[1:])
