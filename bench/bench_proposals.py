"""Proposals on real articles: the dev set's figures, before and after.

    python bench/bench_proposals.py [--before REV] [--devset DIR] [--json]

Runs the dev set's own scorer (`score.py`, whose docstring defines recall,
exact dates, status, first match, new events not passed off as known, and
junk) on every gold file of ../shared/devset (relative to the repository's
root; gold_en.json and gold_jako.json), for this working tree and for the
tree at REV (default 3995664, the round before issue 21), taken with
`git archive` into a temporary directory. Each tree gets its own temporary
SQLite database holding the seed, as score.py asks; nothing in this tree or
its database changes.

The dev set is not part of the project: when it is absent this says so and
exits without figures.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset"
GOLD_FILES = ["gold_en.json", "gold_jako.json"]
DEFAULT_BEFORE = "3995664"
FIGURES = [
    ("score", "exact dates"),
    ("recall", "recall"),
    ("status", "status"),
    ("match", "first match"),
    ("new", "new, no match"),
    ("junk", "junk"),
]
DEVSET_HELP = "(another checkout, e.g. a git worktree, names it with --devset DIR)"
SUMMARY = re.compile(r"^score=.*$", re.MULTILINE)
COUNTS = re.compile(r"^gold=(\d+) proposals=(\d+)", re.MULTILINE)


def seeded_database(tree: Path, work: Path) -> dict[str, str]:
    """The environment for manage.py in `tree`, with a fresh database holding the seed."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{work / 'bench.sqlite3'}"}
    for command in (["migrate", "-v0"], ["loaddata", "seed", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=tree, env=env, check=True)
    return env


def figures(tree: Path, env: dict[str, str], gold: Path, devset: Path) -> dict[str, float | int]:
    """score.py's figures for one gold file, run from `tree`."""
    run = subprocess.run(
        [sys.executable, str(devset / "score.py"), "--gold", str(gold), "--python", sys.executable, "--misses", "0"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
    )
    summary, counts = SUMMARY.search(run.stdout), COUNTS.search(run.stdout)
    if run.returncode or not summary or not counts:
        return {"error": (run.stderr or run.stdout).strip()[-300:]}  # type: ignore[dict-item]
    found: dict[str, float | int] = {k: float(v) for k, v in (p.split("=") for p in summary.group().split())}
    found["gold"], found["proposals"] = int(counts.group(1)), int(counts.group(2))
    return found


def scores(tree: Path, golds: list[Path]) -> dict[str, dict]:
    with tempfile.TemporaryDirectory() as work:
        env = seeded_database(tree, Path(work))
        return {gold.name: figures(tree, env, gold, gold.parent) for gold in golds}


def scores_at(revision: str, golds: list[Path]) -> dict[str, dict]:
    with tempfile.TemporaryDirectory() as work:
        tree = Path(work) / "tree"
        tree.mkdir()
        archive = subprocess.run(["git", "archive", revision], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
        return scores(tree, golds)


def main(argv: list[str]) -> int:
    devset = Path(argv[argv.index("--devset") + 1]).resolve() if "--devset" in argv else DEVSET
    if not (devset / "score.py").exists():
        print(f"No dev set at {devset}: bench_proposals skipped (it is not part of the project) {DEVSET_HELP}.")
        return 0
    golds = [devset / name for name in GOLD_FILES if (devset / name).exists()]
    before = argv[argv.index("--before") + 1] if "--before" in argv else DEFAULT_BEFORE
    columns = {f"at {before}": scores_at(before, golds), "now": scores(ROOT, golds)}
    if "--json" in argv:
        print(json.dumps(columns, indent=2))
        return 0
    print(f"Dev set {devset} (score.py's definitions; higher is better except junk)")
    for gold in golds:
        heads = [f"{name} ({columns[name][gold.name].get('proposals', '?')} proposals)" for name in columns]
        print(f"\n{gold.name}, {next(iter(columns.values()))[gold.name].get('gold', '?')} gold events")
        print(f"{'':16}" + "".join(f"{head:>28}" for head in heads))
        for key, label in FIGURES:
            cells = []
            for name in columns:
                result = columns[name][gold.name]
                cells.append(f"{result[key]:.3f}" if key in result else "error")
            print(f"{label:16}" + "".join(f"{cell:>28}" for cell in cells))
        for name in columns:
            if "error" in columns[name][gold.name]:
                print(f"  {name}: {columns[name][gold.name]['error']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
