"""Mutation sample of the engine (hooks/glossary/*.py) against the fast test tier, with mutmut 3.

    .venv/bin/python mutation/run.py [--per-module 12] [--seed 22] [--table-only]

mutmut generates every mutant of every module; this script then picks a fixed-seed sample of
`--per-module` mutants per module (random.Random(seed).sample over the sorted names), runs mutmut on
those names only, and prints the per-module table of killed/total. See docs-dev/mutation.md.

Layout (everything but setup.cfg and this file is made here and is git-ignored):
    mutation/src -> ../hooks        mutmut names a module after its path minus a leading "src.", so
                                    hooks/glossary/edition.py becomes "glossary.edition", the name the
                                    tests import (tests/conftest.py puts hooks/ on sys.path).
    mutation/tests -> ../tests      copied by mutmut into mutants/tests.
    mutation/mutants/hooks -> src   conftest inserts ROOT/hooks on sys.path; here it is the mutated copy.
    mutation/mutants/{docs,source,bench,scripts,...} -> the real ones, read by some fast tests.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MUTANTS = HERE / "mutants"
MUTMUT = ROOT / ".venv" / "bin" / "mutmut"
SHARED = ("bench", "docs", "source", "scripts", "overrides", "mkdocs.yml", "zensical.yml", ".github")


def link(path: Path, target: str) -> None:
    if not path.is_symlink():
        path.symlink_to(target)


def prepare() -> None:
    link(HERE / "src", "../hooks")
    link(HERE / "tests", "../tests")
    link(HERE / "pytest.ini", "../pytest.ini")
    MUTANTS.mkdir(exist_ok=True)
    link(MUTANTS / "hooks", "src")
    for name in SHARED:
        link(MUTANTS / name, f"../../{name}")
    # mutmut re-mutates a changed .py file but copies other files (the templates) only once: refresh them.
    hooks = ROOT / "hooks"
    for path in hooks.rglob("*"):
        copy = MUTANTS / "src" / path.relative_to(hooks)
        if path.is_file() and path.suffix != ".py" and "__pycache__" not in path.parts and (
                not copy.exists() or copy.read_bytes() != path.read_bytes()):
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy)


def mutmut(*args: str) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([str(MUTMUT), *args], cwd=HERE, env=env).returncode


def all_mutants() -> dict[str, dict[str, int | None]]:
    """Module name -> {mutant name: exit code or None}, from mutmut's .meta files."""
    result: dict[str, dict[str, int | None]] = {}
    for meta in sorted((MUTANTS / "src" / "glossary").glob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        if codes:
            result[meta.name.removesuffix(".py.meta")] = codes
    return result


def sample(per_module: int, seed: int) -> dict[str, list[str]]:
    rng = random.Random(seed)
    chosen = {}
    for module, codes in sorted(all_mutants().items()):
        names = sorted(codes)
        chosen[module] = sorted(rng.sample(names, min(per_module, len(names))))
    return chosen


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-module", type=int, default=12)
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--table-only", action="store_true", help="print the table of the last run")
    parser.add_argument("--module", action="append", help="only these modules (repeatable)")
    args = parser.parse_args()
    prepare()
    if not any((MUTANTS / "src" / "glossary").glob("*.py.meta")):
        # Generate the mutants (and the stats): a filter that matches nothing stops right after.
        mutmut("run", "glossary.no_such_module.x_none__mutmut_1")
    chosen = sample(args.per_module, args.seed)
    if args.module:
        chosen = {m: names for m, names in chosen.items() if m in args.module}
    names = [name for names in chosen.values() for name in names]
    if not args.table_only:
        mutmut("run", *names)
    codes = {m: c for m, c in all_mutants().items()}
    from mutmut.stats import status_by_exit_code  # noqa: PLC0415 (only with mutmut installed)

    totals = defaultdict(int)
    survivors = []
    print(f"{'module':16} killed/total")
    for module, names in chosen.items():
        statuses = [status_by_exit_code[codes[module][name]] for name in names]
        killed = sum(status in ("killed", "timeout", "caught by type check") for status in statuses)
        totals["killed"] += killed
        totals["total"] += len(names)
        print(f"{module:16} {killed:3}/{len(names)}")
        survivors += [f"{name} ({status})" for name, status in zip(names, statuses)
                      if status not in ("killed", "timeout", "caught by type check")]
    score = 100 * totals["killed"] / max(totals["total"], 1)
    print(f"{'total':16} {totals['killed']:3}/{totals['total']}  {score:.1f}%")
    print("survivors:", *survivors, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
