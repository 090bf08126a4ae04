"""`bench/foreign_tree.py` must not report a pass that tested nothing (issue 17, point 22).

Fast: the config wiring, the docs folder, the log reading and the verdict, without building a site.
"""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("foreign_tree", ROOT / "bench" / "foreign_tree.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["foreign_tree"] = module
    spec.loader.exec_module(module)
    return module


def _tree(root: Path, config: str, docs: str = "docs") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(textwrap.dedent(config), encoding="utf-8")
    folder = root / docs
    folder.mkdir(parents=True, exist_ok=True)
    prose = "Then Kratos met Zephyrine in Vellmar. Later Kratos and Zephyrine left Vellmar again.\n"
    (folder / "index.md").write_text("# Home\n\n" + prose * 3, encoding="utf-8")
    return root


def _loaded(path: Path) -> dict:
    """The config as MkDocs will build it (`INHERIT:` merged) and its folder."""
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    with path.open("rb") as file:
        return yaml_load(file, get_yaml_loader())


HOOK = "_glossary_hooks/glossary_hook.py"


def test_a_tree_without_hooks_and_with_its_own_docs_dir_is_wired(bench, tmp_path):
    """The old script added the hook only after an existing `hooks:` line and wrote the entities under
    docs/: on such a tree it built with no glossary at all."""
    tree = _tree(tmp_path / "tree", """\
        site_name: Without hooks
        docs_dir: src/pages
        theme:
          name: mkdocs
        """, docs="src/pages")
    project = bench.prepare(tree, tmp_path / "work", 5, installed={"search"})
    config = _loaded(project.config)
    assert config["hooks"] == [HOOK]
    assert (project.root / HOOK).is_file()
    assert config["docs_dir"] == "src/pages"
    assert config["extra"]["glossary"]["enabled"] is True
    assert config["strict"] is False
    assert project.docs == (project.root / "src" / "pages").resolve()
    assert project.entities == 3
    entries = sorted(path.relative_to(project.root).as_posix() for path in project.root.rglob("glosarium/*/*.md"))
    assert entries and all(path.startswith("src/pages/glosarium/") for path in entries), entries
    assert not (project.root / "docs").exists()


def test_the_tree_s_own_hooks_and_extra_are_kept(bench, tmp_path, monkeypatch):
    monkeypatch.setenv("GLOSSARY", "false")
    tree = _tree(tmp_path / "tree", """\
        site_name: With hooks
        # the hooks, written in flow style with a comment between
        hooks: [tools/a.py,
                tools/b.py]
        extra:
          version: 3
        markdown_extensions:
          - pymdownx.emoji:
              emoji_generator: !!python/name:pymdownx.emoji.to_svg
          - toc:
              slugify: !!python/object/apply:tools.not_importable_here.slugify {kwds: {case: lower}}
        """)
    project = bench.prepare(tree, tmp_path / "work", 5, installed={"search"})
    config = bench.read_config(project.config)  # MkDocs' loader, without importing the tree's modules
    assert config["hooks"] == ["tools/a.py", "tools/b.py", HOOK]
    assert config["extra"] == {"version": 3, "glossary": {"enabled": False}}
    assert project.docs == (project.root / "docs").resolve()


def test_unwanted_and_missing_plugins_are_dropped_with_their_options(bench):
    text = textwrap.dedent("""\
        plugins:
        - search:
            lang: en
        - social:
            cards: true
        - git-revision-date-localized
        - blog
        - not-installed-here:
            option: 1
        markdown_extensions:
          - toc
        """)
    edited, dropped = bench.without_plugins(text, installed={"search", "material/blog"})
    assert dropped == ["social", "git-revision-date-localized", "not-installed-here"]
    assert edited == "plugins:\n- search:\n    lang: en\n- blog\nmarkdown_extensions:\n  - toc\n"


def test_error_lines_are_read_and_an_error_only_the_glossary_build_has_is_a_failure(bench):
    on_log = ("INFO    -  Cleaning site directory\nWARNING -  A warning\n"
              "ERROR   -  index.md:3: a note cites no source\n  continued here\n"
              "ERROR   -  The same error in both\nINFO    -  Documentation built in 1.00 seconds\n")
    off_log = "WARNING -  A warning\nERROR   -  The same error in both\n"
    errors_on, errors_off = bench.log_lines(on_log, "ERROR"), bench.log_lines(off_log, "ERROR")
    assert errors_on == ["index.md:3: a note cites no source\n  continued here", "The same error in both"]
    assert bench.log_lines(on_log, "WARNING") == ["A warning"]
    added = bench.added(errors_on, errors_off)
    assert added == ["index.md:3: a note cites no source\n  continued here"]
    failures = bench.Comparison(entities=3, mentions=10, compared=5, with_text=5, errors_added=added).failures()
    assert failures and "ERROR" in failures[0], failures


def test_a_run_with_no_mention_is_not_a_pass(bench):
    assert bench.Comparison(entities=3, mentions=10, compared=5, with_text=5).failures() == []
    failures = bench.Comparison(entities=3, mentions=0, compared=5, with_text=5).failures()
    assert len(failures) == 1 and failures[0].startswith("0 mentions"), failures
    assert bench.Comparison(entities=0, mentions=0, compared=5, with_text=5).failures()[0].startswith("0 entities")


def test_a_run_that_found_no_article_text_is_not_a_pass(bench):
    """MkDocs' own docs (theme mkdocs): visible_text looked only for Material's `.md-content`, found
    nothing on any page, and so every page 'read the same'."""
    failures = bench.Comparison(entities=3, mentions=10, compared=20, with_text=0).failures()
    assert len(failures) == 1 and failures[0].startswith("0 of 20 compared pages had article text"), failures
    assert bench.Comparison(entities=3, mentions=10, compared=0, with_text=0).failures()


@pytest.mark.parametrize("page", [
    '<div class="md-content"><p>Kratos</p></div>',  # Material
    '<div class="row"><div class="col-md-3">Nav</div><div class="col-md-9" role="main"><p>Kratos</p></div></div>',
    '<div class="wy-nav-content"><div role="main" class="document"><p>Kratos</p></div></div>',  # readthedocs
    '<main><p>Kratos</p></main>',
])
def test_the_article_text_is_found_in_mkdocs_own_themes(page):
    from bs4 import BeautifulSoup
    from test_foreign import visible_text

    assert visible_text(BeautifulSoup(f"<html><body>{page}</body></html>", "html.parser")) == "Kratos"


def test_search_index_text_is_compared_outside_the_glossary_pages(bench, tmp_path):
    import json

    def site(name, home, entry):
        (tmp_path / name / "search").mkdir(parents=True)
        docs = [{"location": "", "text": home}, {"location": "#x", "text": home},
                {"location": "glosarium/tempat/vellmar/", "text": entry}]
        (tmp_path / name / "search" / "search_index.json").write_text(json.dumps({"docs": docs}))
        return tmp_path / name

    on = site("on", "Kratos met Zephyrine in Vellmar ;", "Vellmar, a city.")
    off = site("off", "Kratos met Zephyrine in Vellmar;", "The glossary is off.")
    found = bench.search_differences(on, off, {"glosarium/tempat/vellmar/index.html"})
    assert [item.split(":")[0] for item in found] == ["/", "#x"]
    assert "Vellmar ;" in found[0]
    assert bench.Comparison(entities=3, mentions=10, compared=5, with_text=5, search=found).failures()


def test_the_script_exits_non_zero_and_says_so_when_nothing_was_annotated(bench, tmp_path, monkeypatch, capsys):
    """main() end to end, with the builds and the comparison's inputs stubbed: no mention, no pass."""
    tree = _tree(tmp_path / "tree", "site_name: Stub\n")

    def fake_build(project, site, glossary):
        site.mkdir(parents=True, exist_ok=True)
        (site / "index.html").write_text('<div class="md-content"><p>Kratos</p></div>', encoding="utf-8")
        return 0.1, "INFO    -  Documentation built\n"

    monkeypatch.setattr(bench, "build", fake_build)
    monkeypatch.setattr(sys, "argv", ["foreign_tree.py", str(tree), "--work", str(tmp_path / "work")])
    assert bench.main() == 1
    out = capsys.readouterr().out
    assert "verdict: FAIL: 0 mentions" in out
