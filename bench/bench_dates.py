"""Date-expression extraction: newsdates against plain dateparser.

    python bench/bench_dates.py [--json] [--before REV]

Scores both on bench/dates_devset.jsonl with TempEval-3 timex measures:
relaxed-span precision/recall/F1 (a system mention matches a gold one when
their extents overlap; each gold mention is matched at most once), value
accuracy over the matched pairs, and value F1 = F1 x value accuracy. Also
times both per document and on a ~5,000-word article made by concatenating
the devset texts.

Devset conventions: DATE-type TIMEX3 only (no durations, sets or clock
times); ranges are two mentions, one per end point (TempEval-3); relative
expressions are anchored at the document's publication date.

Documents with an "events" list (the ones written from issue 13's quoted
sentences) also score the proposals summit makes: an event is found when a
proposal's date expression starts where the gold one does with the same
earliest/latest, and its status is right or not. Before issue 13 summit made
one proposal per sentence (its first usable date) with the status the date
implies; that rule is used when the package has no `event_mentions`.

It also times extraction on articles of 100 KB, 1 MB and 2 MB (the devset's
texts repeated), which must grow linearly with the size.

With --before REV (a git revision, e.g. 67dabbd, the last one before issue
13), the same devset also scores newsdates as it was at REV (taken with
`git archive` into a temporary directory; nothing in the tree changes), and
the table shows that column beside today's.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import newsdates
from newsdates import extract_dates

DEVSET = ROOT / "bench" / "dates_devset.jsonl"

Span = tuple[int, int, str]  # start, end, value
System = Callable[[str, date], list[Span]]


def load_devset(path: Path = DEVSET) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def ours(text: str, published: date) -> list[Span]:
    return [(m.start, m.end, m.value) for m in extract_dates(text, published)]


def plain_dateparser(text: str, published: date) -> list[Span]:
    from dateparser.search import search_dates

    base = datetime(published.year, published.month, published.day)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    spans: list[Span] = []
    cursor = 0
    for substring, when in found:
        at = text.find(substring, cursor)
        if at < 0:
            at = text.find(substring)
            if at < 0:
                continue
        spans.append((at, at + len(substring), when.date().isoformat()))
        cursor = at + len(substring)
    return spans


@dataclass
class Score:
    system: int = 0
    gold: int = 0
    matched: int = 0
    value_ok: int = 0
    seconds: float = 0.0
    docs: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.matched if self.matched else 0.0

    @property
    def value_f1(self) -> float:
        return self.f1 * self.value_accuracy

    @property
    def ms_per_doc(self) -> float:
        return 1000 * self.seconds / self.docs if self.docs else 0.0


def match(gold: list[Span], predicted: list[Span]) -> tuple[int, int]:
    """(matched, value-correct) under one-to-one relaxed (overlap) matching;
    among overlapping candidates the one with the largest overlap wins."""
    used: set[int] = set()
    matched = value_ok = 0
    for gs, ge, gv in gold:
        best, best_overlap = -1, 0
        for i, (ps, pe, _) in enumerate(predicted):
            overlap = min(ge, pe) - max(gs, ps)
            if i not in used and overlap > best_overlap:
                best, best_overlap = i, overlap
        if best >= 0:
            used.add(best)
            matched += 1
            value_ok += predicted[best][2] == gv
    return matched, value_ok


def score(system: System, docs: list[dict]) -> Score:
    s = Score()
    for doc in docs:
        published = date.fromisoformat(doc["published"])
        started = time.perf_counter()
        predicted = system(doc["text"], published)
        s.seconds += time.perf_counter() - started
        s.docs += 1
        gold = [(t["start"], t["end"], t["value"]) for t in doc["timexes"]]
        m, v = match(gold, predicted)
        s.system += len(predicted)
        s.gold += len(gold)
        s.matched += m
        s.value_ok += v
    return s


Proposed = tuple[int, date, date, str]  # date expression's start, earliest, latest, status


def proposals(text: str, published: date) -> list[Proposed]:
    if hasattr(newsdates, "event_mentions"):
        return [
            (m.start, m.earliest, m.latest, m.status)
            for m in newsdates.event_mentions(text, published)
            if m.earliest and m.latest
        ]
    # The rule before issue 13: the first usable date of each sentence.
    found, sentences = [], set()
    for m in extract_dates(text, published):
        if m.earliest and m.latest and m.precision not in ("present", "unknown") and m.sentence_start not in sentences:
            sentences.add(m.sentence_start)
            found.append((m.start, m.earliest, m.latest, "scheduled" if m.earliest > published else "happened"))
    return found


def score_events(docs: list[dict]) -> dict[str, float]:
    system = gold = found = status_ok = 0
    for doc in docs:
        if "events" not in doc:
            continue
        published = date.fromisoformat(doc["published"])
        made = proposals(doc["text"], published)
        system += len(made)
        gold += len(doc["events"])
        for event in doc["events"]:
            wanted = (event["start"], date.fromisoformat(event["earliest"]), date.fromisoformat(event["latest"]))
            hit = next((p for p in made if p[:3] == wanted), None)
            if hit:
                found += 1
                status_ok += hit[3] == event["status"]
    precision = found / system if system else 0.0
    recall = found / gold if gold else 0.0
    return {
        "event_precision": round(precision, 3),
        "event_recall": round(recall, 3),
        "event_f1": round(2 * precision * recall / (precision + recall) if precision + recall else 0.0, 3),
        "status_accuracy": round(status_ok / found if found else 0.0, 3),
        "gold_events": gold,
        "proposals": system,
        "events_found": found,
    }


def long_article(docs: list[dict], words: int = 5000) -> str:
    parts: list[str] = []
    count = 0
    while count < words:
        for doc in docs:
            parts.append(doc["text"])
            count += len(doc["text"].split())
            if count >= words:
                break
    return "\n\n".join(parts)


def time_long(system: System, text: str, repeat: int) -> float:
    system(text, date(2026, 1, 13))  # warm-up: imports, lazy compiles
    started = time.perf_counter()
    for _ in range(repeat):
        system(text, date(2026, 1, 13))
    return 1000 * (time.perf_counter() - started) / repeat


# Article sizes timed once each (issue 24: extraction must stay linear).
SIZES = {"100 KB": 100 * 1024, "1 MB": 1024 * 1024, "2 MB": 2 * 1024 * 1024}


def sized_text(docs: list[dict], size: int) -> str:
    """The devset's texts repeated up to `size` characters: ordinary news density."""
    text = "\n\n".join(doc["text"] for doc in docs)
    return (text * (size // len(text) + 1))[:size]


def time_sizes(docs: list[dict]) -> dict[str, float]:
    """Seconds `extract_dates` takes on each article size."""
    seconds = {}
    for label, size in SIZES.items():
        text = sized_text(docs, size)
        started = time.perf_counter()
        extract_dates(text, date(2026, 1, 13))
        seconds[label] = round(time.perf_counter() - started, 2)
    return seconds


def _has_path(revision: str, path: str) -> bool:
    found = subprocess.run(["git", "cat-file", "-e", f"{revision}:{path}"], cwd=ROOT, capture_output=True)
    return found.returncode == 0


def scores_at(revision: str) -> dict:
    """This benchmark's --json figures for newsdates as it was at a git revision."""
    with tempfile.TemporaryDirectory() as work:
        # Before the extractor became its own package it lived in timeline/dates.
        package = "newsdates" if _has_path(revision, "newsdates") else "timeline/dates"
        archive = subprocess.run(
            ["git", "archive", revision, "timeline/__init__.py", "timeline/labels.py", package],
            cwd=ROOT,
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", work], input=archive, check=True)
        if package != "newsdates":
            shutil.move(str(Path(work) / package), str(Path(work) / "newsdates"))
        (Path(work) / "bench").mkdir()
        shutil.copy(__file__, Path(work) / "bench" / "bench_dates.py")
        shutil.copy(DEVSET, Path(work) / "bench" / DEVSET.name)
        output = subprocess.run(
            [sys.executable, str(Path(work) / "bench" / "bench_dates.py"), "--json"],
            cwd=work,
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        ).stdout
    return json.loads(output)


def main(argv: list[str]) -> int:
    docs = load_devset()
    article = long_article(docs)
    systems: dict[str, tuple[System, int]] = {"newsdates": (ours, 5), "dateparser.search": (plain_dateparser, 1)}
    results: dict[str, dict[str, float]] = {}
    for name, (system, repeat) in systems.items():
        system(docs[0]["text"], date.fromisoformat(docs[0]["published"]))  # warm-up
        s = score(system, docs)
        results[name] = {
            "precision": round(s.precision, 3),
            "recall": round(s.recall, 3),
            "f1": round(s.f1, 3),
            "value_accuracy": round(s.value_accuracy, 3),
            "value_f1": round(s.value_f1, 3),
            "system": s.system,
            "gold": s.gold,
            "matched": s.matched,
            "ms_per_doc": round(s.ms_per_doc, 2),
            "ms_5000_words": round(time_long(system, article, repeat), 1),
        }
    events = score_events(docs)
    sizes = {"newsdates": time_sizes(docs)}
    before_events = None
    if "--before" in argv:
        revision = argv[argv.index("--before") + 1]
        before = scores_at(revision)
        results = {f"at {revision}": before["systems"]["newsdates"], **results}
        before_events = (revision, before["proposals"])
        sizes = {f"at {revision}": before.get("seconds_by_size", {}), **sizes}
    if "--json" in argv:
        print(
            json.dumps(
                {
                    "documents": len(docs),
                    "gold_timexes": sum(len(d["timexes"]) for d in docs),
                    "long_article_words": len(article.split()),
                    "systems": results,
                    "proposals": events,
                    "seconds_by_size": sizes["newsdates"],
                    **({f"proposals_at_{before_events[0]}": before_events[1]} if before_events else {}),
                },
                indent=2,
            )
        )
        return 0
    print(
        f"Devset: {len(docs)} documents, {sum(len(d['timexes']) for d in docs)} gold TIMEX3 (DATE); "
        f"long article: {len(article.split())} words"
    )
    names = list(results)
    rows = [
        ("relaxed precision", "precision", "{:.3f}"),
        ("relaxed recall", "recall", "{:.3f}"),
        ("relaxed F1", "f1", "{:.3f}"),
        ("value accuracy", "value_accuracy", "{:.3f}"),
        ("value F1", "value_f1", "{:.3f}"),
        ("mentions found", "system", "{}"),
        ("spans matched", "matched", "{}"),
        ("ms / document", "ms_per_doc", "{:.2f}"),
        ("ms / 5,000 words", "ms_5000_words", "{:.1f}"),
    ]
    print(f"{'':20}" + "".join(f"{n:>20}" for n in names))
    for label, key, fmt in rows:
        print(f"{label:20}" + "".join(f"{fmt.format(results[n][key]):>20}" for n in names))
    print("\nSeconds to extract the dates of one article (the devset's texts repeated to the size):")
    print(f"{'':20}" + "".join(f"{n:>20}" for n in sizes))
    for label in SIZES:
        print(f"{label:20}" + "".join(f"{sizes[n].get(label, float('nan')):>20.2f}" for n in sizes))
    print(f"\nProposals on the {events['gold_events']} gold events of the issue 13 documents:")
    rounds = [(f"at {before_events[0]}", before_events[1])] if before_events else []
    for name, figures in [*rounds, ("newsdates", events)]:
        print(
            f"  {name}: {figures['proposals']} made, {figures['events_found']} found; "
            f"precision {figures['event_precision']:.3f}, recall {figures['event_recall']:.3f}, "
            f"F1 {figures['event_f1']:.3f}, status accuracy {figures['status_accuracy']:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
