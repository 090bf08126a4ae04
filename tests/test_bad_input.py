"""Bad input fails a strict build with a message naming the file and line; markup is never injected."""

import re

import pytest

from conftest import NEWS_ARTICLE as ARTICLE


def test_the_small_site_builds(site):
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert 'data-entity="kim-jong-un"' in site.html("index.html")


BAD_ENTRIES = {
    "yaml error": ("tokoh/rusak.md", "---\ntitle: Rusak\ntype: person\nsummary: [tidak ditutup\n---\n\nIsi.\n",
                   "docs/glosarium/tokoh/rusak.md:4: YAML error: did not find expected ',' or ']'"),
    "no title": ("tokoh/tanpa.md", "---\ntype: person\nsummary: Ringkas.\n---\n",
                 "docs/glosarium/tokoh/tanpa.md:1: missing required field 'title'"),
    "no type": ("tokoh/tanpa.md", "---\ntitle: Tanpa\nsummary: Ringkas.\n---\n",
                "docs/glosarium/tokoh/tanpa.md:1: missing required field 'type'"),
    "no summary": ("tokoh/tanpa.md", "---\ntitle: Tanpa\ntype: person\n---\n",
                   "docs/glosarium/tokoh/tanpa.md:1: missing required field 'summary'"),
    "unknown type": ("tokoh/aneh.md", "---\ntitle: Aneh\nsummary: Ringkas.\ntype: planet\n---\n",
                     "docs/glosarium/tokoh/aneh.md:4: unknown type 'planet'"),
    "unknown field": ("tokoh/lebih.md", "---\ntitle: Lebih\ntype: person\nsummary: R.\nulang_tahun: 1950\n---\n",
                      "docs/glosarium/tokoh/lebih.md:5: unknown field 'ulang_tahun'"),
    "bad wikidata": ("tokoh/wd.md", "---\ntitle: Wd\ntype: person\nsummary: R.\nwikidata: https://wikidata.org/Q1\n---\n",
                     "docs/glosarium/tokoh/wd.md:5: 'wikidata' must be a Q-id"),
    "alias claimed twice": ("tokoh/putin-lain.md",
                            "---\ntitle: Putin Lain\ntype: person\nsummary: R.\naliases:\n  - Moskow\n---\n",
                            "docs/glosarium/tokoh/putin-lain.md:6: name 'Moskow' is already claimed by 'moskow' "
                            "(glosarium/tempat/moskow.md:2)"),
    "duplicate id": ("lembaga/moskow.md", "---\ntitle: Kota Moskow\ntype: institution\nsummary: R.\n---\n",
                     "docs/glosarium/tempat/moskow.md: entity id 'moskow' is already used by "),
    "duplicate key": ("tokoh/dua.md", "---\ntitle: Dua\ntype: person\nsummary: R.\ntitle: Tiga\n---\n",
                      "docs/glosarium/tokoh/dua.md:5: duplicate key 'title' (first at line 2)"),
    "file name with spaces": ("tokoh/Tuan Dua.md", "---\ntitle: Dua\ntype: person\nsummary: R.\n---\n",
                              "docs/glosarium/tokoh/Tuan Dua.md: file name 'Tuan Dua.md' is not a valid entity id"),
    "punctuation-only alias": ("tokoh/dua.md", "---\ntitle: Dua\ntype: person\nsummary: R.\naliases: ['-']\n---\n",
                               "docs/glosarium/tokoh/dua.md:5: name '-' has no letter or digit"),
    "never mentioned": ("tokoh/sunyi.md", "---\ntitle: Tokoh Sunyi\ntype: person\nsummary: R.\n---\n",
                        "WARNING -  docs/glosarium/tokoh/sunyi.md: entity 'sunyi' is never mentioned"),
}


@pytest.mark.parametrize("path, text, message", BAD_ENTRIES.values(), ids=BAD_ENTRIES.keys())
def test_bad_entry_fails_the_strict_build_naming_file_and_line(site, path, text, message):
    site.write(f"glosarium/{path}", text)
    result = site.build()
    assert result.returncode != 0
    assert message in result.stderr


def test_link_to_an_unknown_entity_file(site):
    site.write("index.md", ARTICLE + "\nLihat [siapa](glosarium/tokoh/tidak-ada.md).\n")
    result = site.build()
    assert result.returncode != 0
    assert "docs/index.md:5: link to unknown glossary entry 'glosarium/tokoh/tidak-ada.md'" in result.stderr


def test_line_numbers_count_the_page_front_matter(site):
    site.write("index.md", "---\ntitle: Berita\n---\n\n" + ARTICLE + "\n[siapa](glosarium/x.md)\n")
    result = site.build()
    assert "docs/index.md:9: link to unknown glossary entry" in result.stderr


def test_html_in_front_matter_is_escaped_everywhere(site):
    site.write("index.md", ARTICLE + "\nJuga Tuan Jahat.\n")
    site.entity("tokoh/jahat.md", "Tuan Jahat", summary="'<img src=x onerror=alert(1)> <b>tebal</b>'",
                extra="role: '<script>alert(2)</script>'\naliases:\n  - 'Jahat & \"Kawan\"'\n")
    result = site.build()
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "glosarium/index.html", "glosarium/tokoh/jahat/index.html"):
        html = site.html(page)
        assert "<img src=x" not in html and "<script>alert(2)" not in html and "<b>tebal" not in html, page
    assert "&lt;img src=x onerror=alert(1)&gt;" in site.html("glosarium/tokoh/jahat/index.html")


def test_glossary_can_be_switched_off_from_the_environment(site):
    site.entity("tokoh/sunyi.md", "Tokoh Sunyi")  # Would warn if the glossary were on.
    result = site.build(env={"GLOSSARY": "false"})
    assert result.returncode == 0, result.stderr
    assert "glossary-mention" not in site.html("index.html")
    assert "Glosarium dimatikan" in site.html("glosarium/index.html")


def test_annotate_option_all_links_every_mention(site):
    site.write("index.md", ARTICLE + "\nPutin lagi.\n")
    assert site.build(annotate="all").returncode == 0
    links = re.findall(r'<a [^>]*class="glossary-mention"[^>]*data-entity-type="person"', site.html("index.html"))
    assert len(links) == 3


def test_annotate_option_is_validated(site):
    result = site.build(annotate="every")
    assert result.returncode != 0
    assert "extra.glossary.annotate" in result.stderr
