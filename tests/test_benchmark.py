"""The benchmark still runs: a tiny edition, one run, every variant built. Nothing is timed here."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import markdown
import pytest
from mkdocs.utils.meta import get_data

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402
from glossary.entries import parse_entry  # noqa: E402
from glossary.markup import GlossaryExtension  # noqa: E402
from glossary.matcher import Matcher  # noqa: E402

VARIANTS = ("glossary", "off", "engine", "naive", "abbr")


@pytest.fixture(scope="module")
def benchmark(tmp_path_factory) -> tuple[str, dict]:
    out = tmp_path_factory.mktemp("bench") / "results.md"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "3x10", "--runs", "1",
         "--work", str(out.parent / "work"), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8"), json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))


def test_every_variant_built_once(benchmark):
    _report, samples = benchmark
    assert list(samples) == ["3 x 10"]
    for variant in VARIANTS:
        runs = samples["3 x 10"][variant]
        assert len(runs) == 1 and runs[0]["seconds"] > 0 and runs[0]["peak_mib"] > 0, variant


def test_the_glossary_build_has_no_warning(benchmark):
    _report, samples = benchmark
    assert samples["3 x 10"]["glossary"][0]["warnings"] == 0


def test_the_engine_found_mentions_in_every_page(benchmark):
    _report, samples = benchmark
    engine = samples["3 x 10"]["engine"][0]["engine"]
    assert engine["pages"] == 3 and engine["bytes"] > 0 and engine["with"] > 0 and engine["without"] > 0


def test_report_has_its_tables(benchmark):
    report, _samples = benchmark
    for heading in ("### Builds", "### Engine alone", "### Peak memory"):
        assert heading in report
    assert "| 3 x 10 |" in report
    assert "Python " in report and "mkdocs-material " in report


def test_generated_names_are_unique_and_every_entry_is_mentioned_in_an_article(tmp_path):
    generate(tmp_path / "edition", pages=4, entity_count=30)
    docs = tmp_path / "edition" / "docs"
    entities = {}
    for path in sorted((docs / "glosarium").rglob("*.md")):
        uri = path.relative_to(docs).as_posix()
        entity, _body = parse_entry(path.read_text(encoding="utf-8"), uri)
        entities[entity.id] = replace(entity, src_path=uri)
    assert len(entities) == 30
    names = [name.lower() for entity in entities.values() for name in entity.names]
    assert len(set(names)) == len(names)
    assert any(name.startswith("kementerian luar negeri ") and name.split()[-1] in names for name in names)

    extension = GlossaryExtension(entities, Matcher.build(entities.values()))
    mentioned = set()
    for path in sorted((docs / "artikel").glob("*.md")):
        extension.start_page(path.relative_to(docs).as_posix())
        text, _meta = get_data(path.read_text(encoding="utf-8"))
        markdown.Markdown(extensions=["attr_list", extension]).convert(text)
        mentioned |= {mention.entity_id for mention in extension.finish_page().mentions}
    assert mentioned == set(entities)
