"""The glossary's cost under Zensical: the same synthetic edition, built with and without the extension.

Zensical runs no hooks, so only the Markdown extension is measured (annotations and cards on every
page, the glossary shared across pages). CPU time of the whole process (children), one pair per run.

Usage: python bench/zensical.py --pages 400 --entities 1000 --runs 2
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

ZENSICAL = Path(sys.executable).with_name("zensical")
COMMON = """site_name: Edisi uji kinerja
site_url: http://127.0.0.1:8000/
docs_dir: docs
theme:
  name: material
  language: id
  font: false
markdown_extensions:
  - attr_list
  - admonition
  - md_in_html
  - toc:
      permalink: false
"""


def configs(work: Path) -> dict[str, Path]:
    """zensical-on.yml (with the glossary extension) and zensical-off.yml, with the edition's nav."""
    text = (work / "mkdocs-glossary.yml").read_text(encoding="utf-8")
    nav = text[text.index("\nnav:"):] if "\nnav:" in text else ""
    on = COMMON + "  - glossary:\n      entries: docs/glosarium\n      docs_dir: docs\nsite_dir: zsite-on\n" + nav
    off = COMMON + "site_dir: zsite-off\n" + nav
    (work / "zensical-on.yml").write_text(on, encoding="utf-8")
    (work / "zensical-off.yml").write_text(off, encoding="utf-8")
    return {"on": work / "zensical-on.yml", "off": work / "zensical-off.yml"}


def build(work: Path, config: Path) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one clean build."""
    for name in ("zsite-on", "zsite-off", ".cache"):
        shutil.rmtree(work / name, ignore_errors=True)
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    result = subprocess.run([str(ZENSICAL), "build", "-f", str(config)], cwd=work, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(work / "hooks")})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(result.stdout[-2000:] + result.stderr[-2000:])
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--entities", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-zensical"))
    args = parser.parse_args()
    generate(args.work, args.pages, args.entities)
    paths = configs(args.work)
    print(f"| run | on (CPU s) | off (CPU s) | ratio |\n|---|---|---|---|")
    for run in range(1, args.runs + 1):
        off, on = build(args.work, paths["off"]), build(args.work, paths["on"])
        print(f"| {run} | {on[0]:.2f} | {off[0]:.2f} | {on[0] / off[0]:.3f} |", flush=True)


if __name__ == "__main__":
    main()
