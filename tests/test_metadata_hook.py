"""The metadata hook's JSON-LD, from typed entities and articles (no build)."""

import json
from types import SimpleNamespace

from glossary.articles import Article
from glossary.edition import PageData
from glossary.entries import Entity
from metadata_hook import entity_thing, news_article, script_json
from helpers import entity

ARTICLE = Article("artikel", "Delegasi Korea Utara Bakal Kunjungi Rusia", "2024-02-01", "Liputan6.com", "CNA",
                  None, ("artikel/halaman-1.md", "artikel/halaman-2.md", "artikel/halaman-3.md"))
PUTIN = Entity(id="vladimir-putin", src_path="glosarium/tokoh/vladimir-putin.md", title="Vladimir Putin",
               type="person", summary="Presiden Rusia.", aliases=("Putin",), role="Presiden Rusia",
               wikidata="Q7747")
KCNA = entity("kcna", "KCNA", kind="institution")
MOSKOW = Entity(id="moskow", src_path="glosarium/tempat/moskow.md", title="Moskow", type="place",
                summary="Ibu kota Rusia.", role="Ibu kota", wikidata="Q649")
SITE = "https://contoh.github.io/edisi/"


def page(src_path: str, title: str, url: str, description: str = "Ringkas.") -> SimpleNamespace:
    return SimpleNamespace(title=title, meta={"description": description}, canonical_url=SITE + url,
                           file=SimpleNamespace(src_uri=src_path))


def article_thing(title: str = "Pembangunan Satelit") -> dict:
    data = PageData(entity=None, mentions=(PUTIN, KCNA, MOSKOW), article=ARTICLE, entity_urls={
        PUTIN.src_path: "glosarium/tokoh/vladimir-putin/", KCNA.src_path: "glosarium/lembaga/kcna/",
        MOSKOW.src_path: "glosarium/tempat/moskow/"})
    return news_article(page("artikel/halaman-2.md", title, "artikel/halaman-2/"),
                        SimpleNamespace(site_url=SITE), ARTICLE, data)


def test_news_article_carries_its_articles_headline_date_and_position():
    thing = article_thing()
    assert thing["@type"] == "NewsArticle" and thing["headline"] == ARTICLE.title
    assert thing["alternativeHeadline"] == "Pembangunan Satelit"
    assert thing["datePublished"] == "2024-02-01" == thing["isBasedOn"]["datePublished"]
    assert thing["pagination"] == "2 dari 3"
    assert thing["publisher"] == {"@type": "Organization", "name": "Liputan6.com"}
    assert thing["url"] == SITE + "artikel/halaman-2/"
    assert "alternativeHeadline" not in article_thing(title=ARTICLE.title)


def test_mentions_are_typed_in_page_order_with_same_as_only_where_wikidata_is_known():
    assert article_thing()["mentions"] == [
        {"@type": "Person", "name": "Vladimir Putin", "url": SITE + "glosarium/tokoh/vladimir-putin/",
         "sameAs": "https://www.wikidata.org/wiki/Q7747"},
        {"@type": "Organization", "name": "KCNA", "url": SITE + "glosarium/lembaga/kcna/"},
        {"@type": "Place", "name": "Moskow", "url": SITE + "glosarium/tempat/moskow/",
         "sameAs": "https://www.wikidata.org/wiki/Q649"},
    ]


def test_an_entry_is_the_thing_itself():
    thing = entity_thing(PUTIN, SITE + "glosarium/tokoh/vladimir-putin/")
    assert thing == {
        "@context": "https://schema.org", "@type": "Person", "name": "Vladimir Putin",
        "description": "Presiden Rusia.", "url": SITE + "glosarium/tokoh/vladimir-putin/",
        "alternateName": ["Putin"], "jobTitle": "Presiden Rusia", "sameAs": "https://www.wikidata.org/wiki/Q7747",
    }


def test_only_people_have_a_job_title_and_absent_facts_are_left_out():
    place = entity_thing(MOSKOW, None)
    assert place["@type"] == "Place" and "jobTitle" not in place and "alternateName" not in place
    bare = entity_thing(KCNA, "u")
    assert bare["@type"] == "Organization" and "sameAs" not in bare


def test_json_ld_of_hostile_text_cannot_leave_its_script_element():
    hostile = Entity(id="x", src_path="glosarium/tokoh/x.md", title="</script><script>alert(1)</script>",
                     type="person", summary="<!-- & -->")
    text = str(script_json(entity_thing(hostile, "u")))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script>"
