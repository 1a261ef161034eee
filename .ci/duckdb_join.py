"""Runs the README's DuckDB query (taken from the README itself) on the sample log and checks its
answer against a count made here with nothing but the json module.

usage: python3 .ci/duckdb_join.py catalog.jsonl
"""
import collections
import json
import pathlib
import sys

import duckdb

root = pathlib.Path(__file__).resolve().parent.parent
catalog_path = pathlib.Path(sys.argv[1]).resolve()
readme = (root / "README.md").read_text(encoding="utf-8")
start = readme.index("-- minierr list --format jsonl > catalog.jsonl")
query = readme[start : readme.index("```", start)]
query = query.replace("'catalog.jsonl'", repr(str(catalog_path)))
query = query.replace("'examples/", repr(str(root / "examples"))[:-1] + "/")
got = duckdb.sql(query).fetchall()

names = {}
for line in catalog_path.read_text(encoding="utf-8").splitlines():
    row = json.loads(line)
    if row["platform"] == "wechat":
        names[row["code"]] = (row["name"], row["action"])
counts = collections.Counter()
for line in (root / "examples/data/wechat_fails.jsonl").read_text(encoding="utf-8").splitlines():
    try:
        payload = json.loads(line.lstrip("\ufeff"))
    except ValueError:
        continue
    errno = payload.get("errno") if isinstance(payload, dict) else None
    if errno is not None and str(errno) in names:
        counts[names[str(errno)]] += 1
expected = sorted(((n, a, c) for (n, a), c in counts.items()), key=lambda r: (-r[2], r[0]))[:5]

print("duckdb:  ", got)
print("expected:", expected)
if got != expected:
    sys.exit("the README's DuckDB query gave a different answer")
if not got:
    sys.exit("the query found nothing: the check would pass vacuously")
