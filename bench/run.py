"""What the glossary costs a build, measured against the alternatives.

For each size (pages x entities) a synthetic edition is generated (bench/generate.py), then
five figures are measured, each in its own process, in interleaved runs
(a b c d e for every size, then again, `--runs` times):

  (a) glossary  `mkdocs build` with our glossary hook
  (b) off       the same build with GLOSSARY=false (the hook does nothing)
  (c) engine    Markdown conversion of the article pages with and without our extension
                (bench/engine.py); engine time = the difference
  (d) naive     a real build with a per-name `re.sub` hook instead of ours (bench/naive.py)
  (e) abbr      a real build with Material's abbreviations glossary (abbr + snippets
                auto_append of one `*[Name]: summary` per name) instead of ours

Then, in the same rounds, the heavy page of issue 12 (point 9): a site with one entity and one
page of `" ".join(["Putin *x*"] * 40000)`, built with the glossary (a) and without it (b),
the order swapped every round. Its ratio is the median of (a) over the median of (b).

Times are wall-clock seconds of the whole process (Python start-up included), medians over the
runs; ratios are taken within each run, then the median. Peak memory is each process's
maximum resident set size, from os.wait4's rusage.

Usage: python bench/run.py --sizes 50x100,400x100,400x1000 --runs 5 --out bench-out/results.md
       python bench/run.py --sizes 400x1000 --runs 3 --heavy-mentions 0   (no heavy page)
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import HEAVY_MENTIONS, generate, generate_heavy  # noqa: E402

BENCH = Path(__file__).resolve().parent
VARIANTS = ("glossary", "off", "engine", "naive", "abbr")
LABELS = {"glossary": "(a) glossary", "off": "(b) off", "engine": "(c) engine", "naive": "(d) naive",
          "abbr": "(e) abbr"}
#: What an article page of each build must (or must not) contain: proof the variant is what it says.
EVIDENCE = {"glossary": ('class="glossary-mention', True), "off": ('glossary-mention', False),
            "naive": ('class="glossary-mention', True), "abbr": ("<abbr", True)}


@dataclass
class Sample:
    seconds: float
    peak_mib: float
    engine: dict | None = None  # (c) only: bench/engine.py's figures
    warnings: int = 0
    #: CPU seconds (user + system) of the process: less sensitive than wall time to a shared machine.
    cpu: float = 0.0


@dataclass
class Size:
    pages: int
    entities: int
    edition: Path = Path()
    configs: dict[str, Path] = field(default_factory=dict)
    samples: dict[str, list[Sample]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.pages} x {self.entities:,}"


def parse_sizes(text: str) -> list[Size]:
    sizes = []
    for item in filter(None, text.split(",")):  # `--sizes ""`: the heavy page alone
        pages, entities = item.lower().split("x")
        sizes.append(Size(int(pages), int(entities)))
    return sizes


def run_process(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, str, str, float]:
    """Run `command`; return (seconds, peak RSS in MiB, stdout, stderr, CPU seconds). Fails loudly."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(process.pid, 0)  # This child's own rusage, not a running max.
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}) in {cwd}:\n{stderr}")
    return seconds, usage.ru_maxrss / 1024, stdout, stderr, usage.ru_utime + usage.ru_stime  # maxrss: KiB


def measure(size: Size | Heavy, variant: str) -> Sample:
    env = {key: value for key, value in os.environ.items() if key != "GLOSSARY"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if variant == "engine":
        seconds, peak, stdout, _, cpu = run_process(
            [sys.executable, str(BENCH / "engine.py"), str(size.edition)], size.edition, env)
        return Sample(seconds, peak, engine=json.loads(stdout), cpu=cpu)
    if variant == "off":
        env["GLOSSARY"] = "false"
    config = size.configs["glossary" if variant == "off" else variant]
    site = size.edition / f"site-{variant}"
    seconds, peak, _, stderr, cpu = run_process(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config), "--site-dir", str(site)],
        size.edition, env)
    needle, wanted = EVIDENCE[variant]
    page = (site / "artikel" / "halaman-0001" / "index.html").read_text(encoding="utf-8")
    if (needle in page) != wanted:
        raise RuntimeError(f"{variant} build of {size.name}: {needle!r} {'missing' if wanted else 'found'}")
    warnings = sum(line.startswith("WARNING") for line in stderr.splitlines())
    return Sample(seconds, peak, warnings=warnings, cpu=cpu)


@dataclass
class Heavy:
    """The heavy page: one page, `mentions` mentions of one entity in one paragraph."""

    mentions: int
    edition: Path = Path()
    configs: dict[str, Path] = field(default_factory=dict)
    samples: dict[str, list[Sample]] = field(default_factory=lambda: {"glossary": [], "off": []})

    @property
    def name(self) -> str:
        return f"heavy page, {self.mentions:,} mentions"


def run(sizes: list[Size], runs: int, work: Path, heavy: Heavy | None = None, log=print) -> None:
    for size in sizes:
        size.edition = work / f"edition-{size.pages}x{size.entities}"
        size.configs = generate(size.edition, size.pages, size.entities)
        size.samples = {variant: [] for variant in VARIANTS}
    if heavy is not None:
        heavy.edition = work / "edition-heavy"
        heavy.configs = {"glossary": generate_heavy(heavy.edition, heavy.mentions)}
    for number in range(1, runs + 1):
        for size in sizes:
            for variant in VARIANTS:
                sample = measure(size, variant)
                size.samples[variant].append(sample)
                log(f"run {number}/{runs} {size.name:>12} {LABELS[variant]:<13} {sample.seconds:8.2f} s "
                    f"{sample.peak_mib:7.1f} MiB")
        if heavy is not None:  # Swapped every round: neither build always runs on a warmer machine.
            for variant in (("glossary", "off") if number % 2 else ("off", "glossary")):
                sample = measure(heavy, variant)
                heavy.samples[variant].append(sample)
                log(f"run {number}/{runs} {heavy.name} {LABELS[variant]:<13} {sample.seconds:8.2f} s "
                    f"{sample.peak_mib:7.1f} MiB")


# Reporting ----------------------------------------------------------------------------------

def median(values) -> float:
    return statistics.median(list(values))


def engine_seconds(sample: Sample) -> float:
    return sample.engine["with"] - sample.engine["without"]


def per_run(size: Size, numerator, denominator) -> float:
    """Median over runs of numerator(run's samples) / denominator(run's samples)."""
    runs = zip(*(size.samples[variant] for variant in VARIANTS))
    return median(numerator(dict(zip(VARIANTS, samples))) / denominator(dict(zip(VARIANTS, samples)))
                  for samples in runs)


def machine() -> list[str]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    versions = ", ".join(f"{name} {importlib.metadata.version(name)}"
                         for name in ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions", "PyYAML"))
    return [f"- Date: {datetime.date.today().isoformat()}",
            f"- Machine: {len(os.sched_getaffinity(0))} CPUs (nproc), {cpu}, {platform.system()} {platform.release()}",
            f"- Python {platform.python_version()}; {versions}"]


def report(sizes: list[Size], runs: int, command: str, heavy: Heavy | None = None) -> str:
    seconds = {(size.name, variant): median(s.seconds for s in size.samples[variant])
               for size in sizes for variant in VARIANTS}
    lines = [f"Command: `{command}`", "", *machine(),
             f"- Runs: {runs}, interleaved; times are medians (s), ratios are medians of per-run ratios", "",
             "### Builds", "",
             "| pages x entities | (a) glossary | (b) off | (a)/(b) | (a)/(b) CPU | (d) naive re.sub | (d)/(b) "
             "| (e) abbr | (e)/(b) | warnings (a) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size in sizes:
        time_of = lambda variant: lambda run: run[variant].seconds  # noqa: E731
        cpu_of = lambda variant: lambda run: run[variant].cpu  # noqa: E731
        lines.append(
            f"| {size.name} | {seconds[size.name, 'glossary']:.2f} | {seconds[size.name, 'off']:.2f} "
            f"| {per_run(size, time_of('glossary'), time_of('off')):.3f} "
            f"| {per_run(size, cpu_of('glossary'), cpu_of('off')):.3f} "
            f"| {seconds[size.name, 'naive']:.2f} | {per_run(size, time_of('naive'), time_of('off')):.3f} "
            f"| {seconds[size.name, 'abbr']:.2f} | {per_run(size, time_of('abbr'), time_of('off')):.3f} "
            f"| {max(s.warnings for s in size.samples['glossary'])} |")
    for size in sizes:
        ratios = [a.seconds / b.seconds for a, b in zip(size.samples["glossary"], size.samples["off"])]
        lines.append(f"\nPer-run (a)/(b) at {size.name}: {', '.join(f'{r:.3f}' for r in ratios)}.")
    lines += ["", "### Engine alone (c): Markdown conversion of the article pages", "",
              "| pages x entities | Markdown source | without glossary | with glossary | engine time "
              "| throughput | share of build (a) | entries + matcher |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for size in sizes:
        engine = size.samples["engine"]
        megabytes = engine[0].engine["bytes"] / 1e6
        spent = median(engine_seconds(s) for s in engine)
        lines.append(
            f"| {size.name} | {megabytes:.2f} MB | {median(s.engine['without'] for s in engine):.3f} s "
            f"| {median(s.engine['with'] for s in engine):.3f} s | {spent:.3f} s "
            f"| {megabytes / spent:.1f} MB/s "
            f"| {100 * per_run(size, lambda r: engine_seconds(r['engine']), lambda r: r['glossary'].seconds):.1f} % "
            f"| {median(s.engine['setup'] for s in engine):.3f} s |")
    lines += ["", "### Peak memory (MiB, maximum resident set size of each process)", "",
              "| pages x entities | (a) glossary | (b) off | (a) − (b) | (c) engine process | (d) naive | (e) abbr |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for size in sizes:
        peak = {variant: median(s.peak_mib for s in size.samples[variant]) for variant in VARIANTS}
        growth = median(a.peak_mib - b.peak_mib for a, b in zip(size.samples["glossary"], size.samples["off"]))
        lines.append(f"| {size.name} | {peak['glossary']:.1f} | {peak['off']:.1f} | {growth:+.1f} "
                     f"| {peak['engine']:.1f} | {peak['naive']:.1f} | {peak['abbr']:.1f} |")
    lines += ["", "### Engine time as entities grow, on the same pages", ""]
    for small in sizes:
        for large in sizes:
            if small.pages == large.pages and small.entities < large.entities:
                pairs = zip(small.samples["engine"], large.samples["engine"])
                ratio = median(engine_seconds(b) / engine_seconds(a) for a, b in pairs)
                lines.append(f"- {large.name} / {small.name}: {ratio:.2f}x (median of per-run ratios)")
    if not lines[-1].startswith("- "):
        lines.append("(needs two sizes with the same number of pages)")
    if heavy is not None:
        lines += ["", heavy_report(heavy)]
    return "\n".join(lines) + "\n"


#: Issue 12, point 9: the heavy page may take at most this many times the glossary-off build.
HEAVY_TARGET = 2.0


def heavy_report(heavy: Heavy) -> str:
    on = [s.seconds for s in heavy.samples["glossary"]]
    off = [s.seconds for s in heavy.samples["off"]]
    ratio = median(on) / median(off)
    cpu_ratio = median(s.cpu for s in heavy.samples["glossary"]) / median(s.cpu for s in heavy.samples["off"])
    lines = ["### One heavy page: `\" \".join([\"Putin *x*\"] * N)`, one entity", "",
             "| mentions | (a) glossary | (b) off | median (a) / median (b) | same, CPU time | target | met |",
             "|---:|---:|---:|---:|---:|---:|---|",
             f"| {heavy.mentions:,} | {median(on):.2f} | {median(off):.2f} | {ratio:.3f} | {cpu_ratio:.3f} "
             f"| ≤ {HEAVY_TARGET:g} | {'yes' if ratio <= HEAVY_TARGET else '**no**'} |", "",
             f"Each build: (a) {', '.join(f'{s:.2f}' for s in on)} s; (b) {', '.join(f'{s:.2f}' for s in off)} s "
             f"(order swapped every round, glossary first in round 1)."]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50x100,400x100,400x1000", help="pages x entities, comma-separated")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--heavy-mentions", type=int, default=HEAVY_MENTIONS,
                        help="mentions on the heavy page, built once each way per run (0: skip it)")
    parser.add_argument("--work", type=Path, help="where editions are generated (default: a temporary folder)")
    parser.add_argument("--out", type=Path, help="also write the report (Markdown) here, and the raw samples "
                                                 "next to it as .json")
    args = parser.parse_args()
    sizes = parse_sizes(args.sizes)
    heavy = Heavy(args.heavy_mentions) if args.heavy_mentions > 0 else None
    command = "python bench/run.py " + " ".join(sys.argv[1:])
    with tempfile.TemporaryDirectory(prefix="glossary-bench-") as temporary:
        work = args.work or Path(temporary)
        run(sizes, args.runs, work, heavy, log=lambda line: print(line, file=sys.stderr, flush=True))
    text = report(sizes, args.runs, command, heavy)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        raw = {item.name: {variant: [sample.__dict__ for sample in samples]
                           for variant, samples in item.samples.items()}
               for item in [*sizes, *([heavy] if heavy else [])]}
        args.out.with_suffix(".json").write_text(json.dumps(raw, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
