"""The benchmark still runs: a tiny edition, one run, every variant built. Nothing is timed here.

The tests that run bench/run.py build real sites and are marked `slow`; the generator tests are not.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from mkdocs.utils.meta import get_data

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate, generate_heavy  # noqa: E402
from glossary.catalog import load_glossary  # noqa: E402
from glossary.extension import GlossaryExtension  # noqa: E402

VARIANTS = ("glossary", "off", "engine", "naive", "abbr")
#: The heavy page, small enough here to build in a second or two.
HEAVY = "heavy page, 200 mentions"


@pytest.fixture(scope="module")
def benchmark(tmp_path_factory) -> tuple[str, dict]:
    out = tmp_path_factory.mktemp("bench") / "results.md"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "3x10", "--runs", "1", "--heavy-mentions", "200",
         "--work", str(out.parent / "work"), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8"), json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_every_variant_built_once(benchmark):
    _report, samples = benchmark
    assert list(samples) == ["3 x 10", HEAVY]
    for variant in VARIANTS:
        runs = samples["3 x 10"][variant]
        assert len(runs) == 1 and runs[0]["seconds"] > 0 and runs[0]["peak_mib"] > 0, variant
    for variant in ("glossary", "off"):
        runs = samples[HEAVY][variant]
        assert len(runs) == 1 and runs[0]["seconds"] > 0, variant


@pytest.mark.slow
def test_the_glossary_build_has_no_warning(benchmark):
    _report, samples = benchmark
    assert samples["3 x 10"]["glossary"][0]["warnings"] == 0
    assert samples[HEAVY]["glossary"][0]["warnings"] == 0


@pytest.mark.slow
def test_the_engine_found_mentions_in_every_page(benchmark):
    _report, samples = benchmark
    engine = samples["3 x 10"]["engine"][0]["engine"]
    assert engine["pages"] == 3 and engine["bytes"] > 0 and engine["with"] > 0 and engine["without"] > 0


@pytest.mark.slow
def test_report_has_its_tables(benchmark):
    report, _samples = benchmark
    for heading in ("### Builds", "### Engine alone", "### Peak memory", "### One heavy page"):
        assert heading in report
    assert "| 3 x 10 |" in report and "| 200 |" in report
    assert "Python " in report and "mkdocs-material " in report


def test_generated_names_are_unique_and_every_entry_is_mentioned_in_an_article(tmp_path):
    generate(tmp_path / "edition", pages=4, entity_count=30)
    docs = tmp_path / "edition" / "docs"
    glossary = load_glossary(docs / "glosarium", docs)
    entities = glossary.entities
    assert not glossary.errors and len(entities) == 30
    names = [name.lower() for entity in entities.values() for name in entity.names]
    assert len(set(names)) == len(names)
    assert any(name.startswith("kementerian luar negeri ") and name.split()[-1] in names for name in names)

    extension = GlossaryExtension(glossary=glossary)
    mentioned = set()
    for path in sorted((docs / "artikel").glob("*.md")):
        extension.start_page(path.relative_to(docs).as_posix())
        text, _meta = get_data(path.read_text(encoding="utf-8"))
        markdown.Markdown(extensions=["attr_list", extension]).convert(text)
        mentioned |= {mention.entity_id for mention in extension.finish_page().mentions}
    assert mentioned == set(entities)


def test_the_heavy_page_names_its_one_entity_every_time(tmp_path):
    generate_heavy(tmp_path / "heavy", mentions=50)
    docs = tmp_path / "heavy" / "docs"
    glossary = load_glossary(docs / "glosarium", docs)
    assert not glossary.errors and list(glossary.entities) == ["vladimir-putin"]
    extension = GlossaryExtension(glossary=glossary)
    extension.start_page("artikel/halaman-0001.md")
    text, _meta = get_data((docs / "artikel" / "halaman-0001.md").read_text(encoding="utf-8"))
    html = markdown.Markdown(extensions=["attr_list", extension]).convert(text)
    mentions = extension.finish_page().mentions
    assert len(mentions) == 50 and [m.annotated for m in mentions] == [True] + [False] * 49
    assert html.count("<em>x</em>") == 50
