"""Proposals on real Japanese and Korean articles, each language on its own.

    DATABASE_URL=sqlite:////tmp/x.sqlite3 python bench/bench_proposals_jako.py \
        [--python .venv/bin/python] [--devset DIR]

Runs ../shared/devset/score.py (the scorer's own definitions: recall, exact
dates, status, first match, new events left unmatched, junk) on the dev
set's gold_jako.json, once per language, from a copy of the gold split by
language in a temporary directory that links the texts. The database must
hold the seed (`manage.py migrate && manage.py loaddata seed`): matches are
scored against it. The dev set lives outside the repository; without it
the benchmark says so and stops.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset"
LANGUAGES = ("ja", "ko")


def score(devset: Path, language: str, gold: dict, python: str, misses: int) -> str:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / language).symlink_to(devset / language)
        docs = {name: doc for name, doc in gold["docs"].items() if name.startswith(f"{language}/")}
        path = base / f"gold_{language}.json"
        path.write_text(json.dumps({**gold, "docs": docs}, ensure_ascii=False), encoding="utf-8")
        run = subprocess.run(
            [python, str(devset / "score.py"), "--gold", str(path), "--python", python, "--misses", str(misses)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
    if run.returncode:
        raise SystemExit(run.stderr or run.stdout)
    return run.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--misses", type=int, default=0)
    parser.add_argument("--devset", type=Path, default=DEVSET, help=f"the dev set's folder (default {DEVSET})")
    args = parser.parse_args()
    gold_path = args.devset / "gold_jako.json"
    if not gold_path.exists():
        print(f"No Japanese/Korean dev set at {args.devset}: nothing to score.")
        return
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for language in LANGUAGES:
        print(f"[{language}]")
        print(score(args.devset, language, gold, args.python, args.misses))


if __name__ == "__main__":
    main()
