"""Each matching rule of the glossary, one test each."""

import pytest

from glossary.entries import EntryError
from helpers import ALL, KEMLU, KIM, RIA, RUSIA, entity, found, matcher_for


def test_title_and_aliases_are_names():
    m = matcher_for(*ALL)
    assert found(m, "Putin bertemu Vladimir Putin dan Kim Jong-un.") == [
        ("Putin", "vladimir-putin"), ("Vladimir Putin", "vladimir-putin"), ("Kim Jong-un", "kim-jong-un")]


def test_longest_match_wins():
    m = matcher_for(RUSIA, KEMLU)
    assert found(m, "Juru bicara Kementerian Luar Negeri Rusia dan Rusia") == [
        ("Kementerian Luar Negeri Rusia", "kemlu-rusia"), ("Rusia", "rusia")]


def test_longest_match_wins_whatever_the_order_of_entities():
    assert found(matcher_for(KEMLU, RUSIA), "Kementerian Luar Negeri Rusia") == [
        ("Kementerian Luar Negeri Rusia", "kemlu-rusia")]


def test_whole_words_only():
    m = matcher_for(*ALL)
    assert found(m, "BULGARIA, RIAN, xRIA, Rusiawan, Putinisme") == []
    assert found(m, "(RIA) RIA. RIA-") == [("RIA", "ria-novosti")] * 3


def test_whole_words_are_unicode_aware():
    m = matcher_for(entity("ria", "RIA", kind="institution"))
    assert found(m, "ÉRIA RIAé ΔRIA RIA") == [("RIA", "ria")]


def test_a_similar_name_does_not_match():
    m = matcher_for(KIM)
    assert found(m, "Kim Jong Il dan Kim Jong Una") == []
    assert found(m, "Kim Jong Un") == [("Kim Jong Un", "kim-jong-un")]


def test_case_sensitive_by_default():
    assert found(matcher_for(RIA), "ria Ria RIA") == [("RIA", "ria-novosti")]


def test_case_insensitive_on_request():
    ria = entity("ria", "RIA", kind="institution", case_insensitive=True)
    assert found(matcher_for(ria), "ria Ria RIA") == [("ria", "ria"), ("Ria", "ria"), ("RIA", "ria")]


def test_longest_match_across_case_sensitive_and_insensitive_names():
    short = entity("korea", "Korea", kind="place", case_insensitive=True)
    long = entity("korea-utara", "Korea Utara", kind="place")
    assert found(matcher_for(short, long), "korea dan Korea Utara") == [
        ("korea", "korea"), ("Korea Utara", "korea-utara")]


@pytest.mark.parametrize("space", ["\n", "\u00a0", "  ", " \n ", "\t"])
def test_line_break_or_no_break_space_between_words(space):
    m = matcher_for(KEMLU)
    text = f"Kementerian{space}Luar Negeri{space}Rusia"
    assert found(m, text) == [(text, "kemlu-rusia")]


def test_no_match_across_a_missing_space():
    assert found(matcher_for(KIM), "KimJong Un") == []


def test_regex_characters_in_names_are_literal():
    m = matcher_for(entity("rossiya-1", "Rossiya-1", kind="institution"),
                    entity("liputan6", "Liputan6.com", kind="institution"))
    assert found(m, "Rossiya-1, Liputan6.com, Liputan6xcom, Rossiya-12") == [
        ("Rossiya-1", "rossiya-1"), ("Liputan6.com", "liputan6")]


def test_an_alias_claimed_twice_is_an_error_naming_both_files():
    a = entity("a", "Partai Komunis")
    b = entity("b", "Partai Rakyat", "Partai Komunis")
    with pytest.raises(EntryError) as error:
        matcher_for(a, b)
    assert "Partai Komunis" in str(error.value)
    assert "glosarium/tokoh/b.md" in str(error.value) and "glosarium/tokoh/a.md" in str(error.value)


def test_a_case_insensitive_name_clashes_with_any_case():
    a = entity("a", "Ria")
    b = entity("b", "RIA", case_insensitive=True)
    with pytest.raises(EntryError):
        matcher_for(a, b)


def test_case_variants_of_case_sensitive_names_are_distinct():
    a, b = entity("a", "AS", kind="place"), entity("b", "As")
    assert found(matcher_for(a, b), "AS As") == [("AS", "a"), ("As", "b")]


def test_same_entity_may_repeat_a_name():
    assert found(matcher_for(entity("p", "Putin", "Putin")), "Putin") == [("Putin", "p")]


def test_thousand_entities_still_match_correctly():
    many = [entity(f"e{i}", f"Nama{i} Belakang{i}", f"Alias{i}") for i in range(1000)]
    m = matcher_for(*many)
    assert found(m, "Nama7 Belakang7 bertemu Alias999 dan Nama7") == [
        ("Nama7 Belakang7", "e7"), ("Alias999", "e999")]
