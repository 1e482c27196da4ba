"""
`make bench`: every benchmark in one run on this machine, each printing its
figures beside its baseline. `make bench BENCH_ARGS=--quick` for a smoke run.
"""

import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
# Cheapest first, so a broken environment shows up early.
SCRIPTS = [
    "bench_page.py",
    "bench_dates.py",
    "bench_proposals.py",
    "bench_embed.py",
    "bench_phone.py",
    "bench_scale.py",
    "bench_load.py",
]
QUICK_AWARE = {"bench_scale.py", "bench_load.py", "bench_embed.py", "bench_phone.py"}


def main():
    quick = "--quick" in sys.argv[1:]
    failed = []
    for name in SCRIPTS:
        script = BENCH / name
        if not script.exists():
            continue
        command = [sys.executable, str(script)] + (["--quick"] if quick and name in QUICK_AWARE else [])
        print(f"\n=== {name} ===", flush=True)
        started = time.monotonic()
        if subprocess.run(command, cwd=BENCH.parent).returncode != 0:
            failed.append(name)
        print(f"({name}: {time.monotonic() - started:.0f} s)", flush=True)
    if failed:
        sys.exit(f"benchmarks failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
