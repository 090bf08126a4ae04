"""Each matching rule of the glossary, one test each; and the matcher against a naive scanner."""

import pytest

from glossary.entries import Entity, EntryError
from glossary.matcher import Matcher
from helpers import ALL, KEMLU, KIM, KREMLIN, PUTIN, RIA, RUSIA, entity, found, matcher_for




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


# --- Hardening: long names, Unicode forms, case-folding -------------------------------------------


def test_a_thousand_character_name_compiles_and_matches():
    name = " ".join(["Nama"] * 200)  # 999 characters
    m = matcher_for(entity("panjang", name))
    assert found(m, f"x {name} y") == [(name, "panjang")]


def test_names_that_are_prefixes_of_each_other_nest_deeply_without_recursion_error():
    names = ["a" * n for n in range(1, 400)]
    m = matcher_for(*(entity(f"e{n}", name) for n, name in enumerate(names)))
    assert found(m, "a" * 250) == [("a" * 250, "e249")]


def test_a_name_matches_in_composed_and_decomposed_text_which_stays_unchanged():
    m = matcher_for(entity("jose", "Jos\u00e9"))
    nfc, nfd = "Jos\u00e9 datang.", "Jose\u0301 datang."
    assert found(m, nfc) == [("Jos\u00e9", "jose")]
    assert found(m, nfd) == [("Jose\u0301", "jose")]


def test_a_decomposed_title_matches_composed_text():
    assert found(matcher_for(entity("jose", "Jose\u0301")), "Jos\u00e9") == [("Jos\u00e9", "jose")]


def test_an_accent_mark_continues_the_word():
    m = matcher_for(entity("jose", "Jose"))
    assert found(m, "Jose\u0301 Jose") == [("Jose", "jose")]
    assert [x.start for x in m.finditer("Jose\u0301 Jose")] == [6]


def test_composed_and_decomposed_twins_in_two_entities_clash():
    with pytest.raises(EntryError, match="already claimed"):
        matcher_for(entity("a", "Jos\u00e9"), entity("b", "Jose\u0301"))


def test_case_insensitive_names_are_case_folded_on_both_sides():
    m = matcher_for(entity("s", "S", case_insensitive=True), entity("strasse", "Straße", case_insensitive=True))
    assert found(m, "\u017f s S STRASSE straße") == [("\u017f", "s"), ("s", "s"), ("S", "s"), ("straße", "strasse")]


def test_an_unusual_case_match_never_raises():
    m = matcher_for(entity("istanbul", "İstanbul", case_insensitive=True))
    assert {e for _, e in found(m, "istanbul İSTANBUL")} <= {"istanbul"}


def test_case_insensitive_names_differing_in_case_still_give_the_longest_match():
    m = matcher_for(entity("a", "A", case_insensitive=True), entity("ab", "a b", case_insensitive=True))
    assert found(m, "a b") == [("a b", "ab")]


# --- Brute force: the trie regex against a naive longest-match scanner -----------------------------

WORD_CHARS = "abAB\u00e9s-"
TEXT_BITS = ["a", "b", "A", "B", "s", "\u017f", "S", "\u00e9", "e\u0301", "e", "-", "_", "x", " ", " ", "\u00a0",
             "\n", ".", "1"]


def naive_scan(entities: list[Entity], text: str) -> list[tuple[int, int, str]]:
    """Every name tried at every word start; the longest one whose end is a word end wins."""
    from glossary.entries import normalize_name
    from glossary.matcher import _is_word_char

    exact = {normalize_name(n): e.id for e in entities if not e.case_insensitive for n in e.names}
    folded = {normalize_name(n).casefold(): e.id for e in entities if e.case_insensitive for n in e.names}
    longest = max(len(n) for e in entities for n in e.names) * 3
    out, pos = [], 0
    while pos < len(text):
        if pos > 0 and _is_word_char(text[pos - 1]) or text[pos].isspace():
            pos += 1
            continue
        best = None
        for end in range(pos + 1, min(len(text), pos + longest) + 1):
            if end < len(text) and _is_word_char(text[end]) or text[end - 1].isspace():
                continue
            key = normalize_name(text[pos:end])
            hit = exact.get(key) or folded.get(key.casefold())
            if hit:
                best = (pos, end, hit)
        if best:
            out.append(best)
            pos = best[1]
        else:
            pos += 1
    return out


def random_name(rng) -> str:
    words = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        word = "".join(rng.choice("abAB") for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.2:
            word += rng.choice(["\u00e9", "e\u0301", "-a", "s"])
        words.append(word)
    return " ".join(words)


def random_text(rng, names: list[str]) -> str:
    bits = []
    for _ in range(rng.randint(1, 12)):
        if names and rng.random() < 0.4:
            name = rng.choice(names)
            if rng.random() < 0.3:
                name = name.swapcase()
            if rng.random() < 0.3:
                name = name.replace(" ", rng.choice(["\n", "\u00a0", "  "]))
            bits.append(name)
        else:
            bits.append(rng.choice(TEXT_BITS))
    return "".join(bits)


def test_trie_matcher_agrees_with_a_naive_scanner_on_thousands_of_random_texts():
    import random

    rng = random.Random(12)
    checked = 0
    while checked < 1000:
        entities = [entity(f"e{i}", *[random_name(rng) for _ in range(rng.randint(1, 3))],
                           case_insensitive=rng.random() < 0.3) for i in range(rng.randint(1, 5))]
        try:
            m = matcher_for(*entities)
        except EntryError:
            continue  # A name claimed twice: not a matching question.
        names = [n for e in entities for n in e.names]
        for _ in range(5):
            text = random_text(rng, names)
            assert [(x.start, x.end, x.entity_id) for x in m.finditer(text)] == naive_scan(entities, text), (
                [(e.id, e.names, e.case_insensitive) for e in entities], text)
        checked += 1
