"""Bad input fails a strict build with a message naming the file and line; markup is never injected."""

import pytest

ARTICLE = "# Berita\n\nVladimir Putin bertemu Kim Jong Un di Moskow.\n"


@pytest.fixture
def site(small_site):
    small_site.write("index.md", ARTICLE)
    small_site.entity("tokoh/vladimir-putin.md", "Vladimir Putin", extra="aliases:\n  - Putin\n")
    small_site.entity("tokoh/kim-jong-un.md", "Kim Jong Un")
    small_site.entity("tempat/moskow.md", "Moskow", kind="place")
    return small_site


def test_the_small_site_builds(site):
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert 'data-entity="kim-jong-un"' in site.html("index.html")


def test_yaml_error_in_front_matter_names_file_and_line(site):
    site.write("glosarium/tokoh/rusak.md", "---\ntitle: Rusak\ntype: person\nsummary: [tidak ditutup\n---\n\nIsi.\n")
    result = site.build()
    assert result.returncode != 0
    assert "docs/glosarium/tokoh/rusak.md:4: YAML error in front matter" in result.stderr


@pytest.mark.parametrize("field", ["title", "type", "summary"])
def test_missing_required_field(site, field):
    lines = {"title": "title: Tanpa\n", "type": "type: person\n", "summary": "summary: Ringkas.\n"}
    del lines[field]
    site.write("glosarium/tokoh/tanpa.md", "---\n" + "".join(lines.values()) + "---\n\nIsi.\n")
    result = site.build()
    assert result.returncode != 0
    assert f"docs/glosarium/tokoh/tanpa.md:1: missing required field '{field}'" in result.stderr


def test_unknown_type_names_its_line(site):
    site.write("glosarium/tokoh/aneh.md", "---\ntitle: Aneh\nsummary: Ringkas.\ntype: planet\n---\n")
    result = site.build()
    assert result.returncode != 0
    assert "docs/glosarium/tokoh/aneh.md:4: unknown type 'planet'" in result.stderr


def test_alias_claimed_by_two_entities(site):
    site.entity("tokoh/putin-lain.md", "Putin Lain", extra="aliases:\n  - Moskow\n")
    result = site.build()
    assert result.returncode != 0
    assert ("docs/glosarium/tokoh/putin-lain.md:6: name 'Moskow' is already claimed by 'moskow' "
            "(glosarium/tempat/moskow.md:2)") in result.stderr


def test_duplicate_entity_ids_in_different_folders(site):
    site.entity("lembaga/moskow.md", "Kota Moskow", kind="institution")
    result = site.build()
    assert result.returncode != 0
    assert "entity id 'moskow' is already used" in result.stderr


def test_link_to_an_unknown_entity_file(site):
    site.write("index.md", ARTICLE + "\nLihat [siapa](glosarium/tokoh/tidak-ada.md).\n")
    result = site.build()
    assert result.returncode != 0
    assert "docs/index.md:5: link to unknown glossary entry 'glosarium/tokoh/tidak-ada.md'" in result.stderr


def test_line_numbers_count_the_page_front_matter(site):
    site.write("index.md", "---\ntitle: Berita\n---\n\n" + ARTICLE + "\n[siapa](glosarium/x.md)\n")
    result = site.build()
    assert "docs/index.md:9: link to unknown glossary entry" in result.stderr


def test_never_mentioned_entity_is_a_warning(site):
    site.entity("tokoh/sunyi.md", "Tokoh Sunyi")
    result = site.build()
    assert result.returncode != 0
    assert "WARNING" in result.stderr
    assert "docs/glosarium/tokoh/sunyi.md: entity 'sunyi' is never mentioned" in result.stderr


def test_unknown_field_is_an_error(site):
    site.entity("tokoh/lebih.md", "Lebih", extra="ulang_tahun: 1950\n")
    result = site.build()
    assert result.returncode != 0
    assert "docs/glosarium/tokoh/lebih.md:5: unknown field 'ulang_tahun'" in result.stderr


def test_bad_wikidata_id(site):
    site.entity("tokoh/wd.md", "Wd", extra="wikidata: https://wikidata.org/Q1\n")
    result = site.build()
    assert "docs/glosarium/tokoh/wd.md:5: 'wikidata' must be a Q-id" in result.stderr


def test_html_in_front_matter_is_escaped_everywhere(site):
    site.write("index.md", ARTICLE + "\nJuga Tuan Jahat.\n")
    site.entity("tokoh/jahat.md", "Tuan Jahat", summary="'<img src=x onerror=alert(1)> <b>tebal</b>'",
                extra="role: '<script>alert(2)</script>'\naliases:\n  - '<i>Jahat</i>'\n")
    result = site.build()
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "glosarium/index.html", "glosarium/tokoh/jahat/index.html"):
        html = site.html(page)
        assert "<img src=x" not in html and "<script>alert(2)" not in html and "<b>tebal" not in html, page
        assert "<i>Jahat</i>" not in html, page
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
    assert site.html("index.html").count('class="glossary-mention glossary-mention--person"') == 3


def test_annotate_option_is_validated(site):
    result = site.build(annotate="every")
    assert result.returncode != 0
    assert "extra.glossary.annotate" in result.stderr
