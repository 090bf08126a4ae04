"""One long paragraph full of names, built with the glossary on and off (issue 22, point 9).

The page is a single paragraph of plain sentences (about `--mb` megabytes) naming one entity twice
per sentence; the edition is bench/generate.py's heavy one with that page instead of its own.
CPU time of the whole `mkdocs build` process, one pair per run.

Usage: python bench/paragraph.py --mb 2 --runs 2
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate_heavy  # noqa: E402

SENTENCE = "Presiden Putin bertemu rekannya di kota itu pada hari yang sama, lalu Putin pulang. "


def build(config: Path, env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d",
                             str(config.parent / "site")], capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(result.stderr[-2000:])
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-paragraph"))
    args = parser.parse_args()
    config = generate_heavy(args.work, 1)
    page = next((args.work / "docs" / "artikel").glob("*.md"))
    count = int(args.mb * 1_000_000) // len(SENTENCE)
    page.write_text("---\ntitle: Halaman berat\n---\n\n" + SENTENCE * count + "\n", encoding="utf-8")
    print(f"{count * len(SENTENCE):,} characters, {2 * count:,} mentions in one paragraph")
    print("| run | on (CPU s) | off (CPU s) | ratio |\n|---|---|---|---|")
    for run in range(1, args.runs + 1):
        off, on = build(config, {"GLOSSARY": "false"}), build(config, {})
        print(f"| {run} | {on:.2f} | {off:.2f} | {on / off:.3f} |", flush=True)


if __name__ == "__main__":
    main()
