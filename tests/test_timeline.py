"""Timeline data: dates, validation with file and line, sections."""

import pytest

from glossary.entries import EntryError
from glossary.timeline import AFTER, BACKGROUND, IN_ARTICLE, EventDate, parse_events

ARTICLE_DATE = EventDate.parse("2024-02-01")


def parse(text: str):
    return parse_events(text, "docs/linimasa/x.yml", known_entity=lambda e: e in {"putin", "kim"},
                        known_page=lambda p: p == "artikel/halaman-1.md")


@pytest.mark.parametrize("text, label, iso", [
    ("2023", "2023", "2023"), ("2023-09", "September 2023", "2023-09"),
    ("2023-07-26", "26 Juli 2023", "2023-07-26"), ("2024-02-29", "29 Februari 2024", "2024-02-29"),
])
def test_dates_may_be_a_year_a_month_or_a_day(text, label, iso):
    date = EventDate.parse(text)
    assert (date.label, date.iso) == (label, iso)


@pytest.mark.parametrize("text", ["2023-13", "2023-02-30", "2023-2-1", "23", "kemarin", "2023-09-31", "2023-00"])
def test_bad_dates_are_rejected(text):
    with pytest.raises(ValueError):
        EventDate.parse(text)


def test_events_are_sorted_and_partial_dates_come_first():
    events = parse('- {tanggal: "2023-09-13", teks: b, entitas: [kim]}\n'
                   '- {tanggal: "2023-09", teks: a, entitas: [putin]}\n'
                   '- {tanggal: "2022", teks: c, entitas: [putin]}\n')
    assert [e.text for e in events] == ["c", "a", "b"]


def test_sections():
    events = parse('- {tanggal: "2024-02-13", teks: rencana, entitas: [kim], rujukan: artikel/halaman-1.md}\n'
                   '- {tanggal: "2023-10-19", teks: konteks, entitas: [kim]}\n'
                   '- {tanggal: "2024-02", teks: bulan yang sama, entitas: [kim]}\n'
                   '- {tanggal: "2024-06-19", teks: sesudah, entitas: [putin]}\n')
    assert {e.text: e.section(ARTICLE_DATE) for e in events} == {
        "rencana": IN_ARTICLE, "konteks": BACKGROUND, "bulan yang sama": BACKGROUND, "sesudah": AFTER}


@pytest.mark.parametrize("text, line, message", [
    ('- tanggal: "2023-13-01"\n  teks: x\n  entitas: [kim]\n', 1, "no month 13"),
    ('- tanggal: "2023"\n  teks: x\n  entitas: [kim]\n\n- tanggal: "2024-02-30"\n  teks: y\n  entitas: [kim]\n',
     5, "day is out of range"),
    ('- tanggal: "2023"\n  teks: x\n  entitas:\n    - kim\n    - shoigu\n', 5, "unknown entity 'shoigu'"),
    ('- tanggal: "2023"\n  teks: x\n  entitas: [kim]\n  rujukan: artikel/halaman-9.md\n', 4, "names no page"),
    ('- tanggal: "2023"\n  entitas: [kim]\n', 1, "event without 'teks'"),
    ('- tanggal: "2023"\n  teks: x\n  entitas: [kim]\n  tempat: Moskow\n', 4, "unknown field 'tempat'"),
    ('- tanggal: "2023"\n  teks: [x\n', 2, "YAML error"),
])
def test_bad_events_name_the_line(text, line, message):
    with pytest.raises(EntryError) as error:
        parse(text)
    assert error.value.line == line and message in error.value.message
    assert str(error.value).startswith(f"docs/linimasa/x.yml:{line}: ")


@pytest.mark.parametrize("text, line, message", [
    ('- tanggal: "0000"\n  teks: x\n  entitas: [kim]\n', 1, "no year 0000"),
    ('- tanggal: "0000-05-01"\n  teks: x\n  entitas: [kim]\n', 1, "no year 0000"),
    ('- tanggal: "2023"\n  teks: x\n  entitas: [[kim]]\n', 3, "found a nested list"),
    ('- tanggal: "2023"\n  teks: x\n  entitas: [{kim: 1}]\n', 3, "'entitas' must list entity ids"),
    ('- tanggal: "2023"\n  teks: x\n  teks: y\n  entitas: [kim]\n', 3, "duplicate key 'teks'"),
    ('- tanggal: "2023"\n  teks: &a x\n  entitas: [kim]\n', 2, "anchors"),
    ('- tanggal: 2023\n  teks: "a\\x1bb"\n  entitas: [kim]\n', 2, "control character (U+001B"),
    ('- tanggal: "2023"\n  teks: x\n  entitas: kim\n', 3, "non-empty list"),
    ('{tanggal: "2023"}\n', 1, "must be a list of events"),
])
def test_hostile_events_name_the_file_and_line(text, line, message):
    with pytest.raises(EntryError) as error:
        parse(text)
    assert error.value.line == line and message in error.value.message
    assert str(error.value).startswith(f"docs/linimasa/x.yml:{line}: ")


def test_an_unquoted_year_is_text_not_a_number():
    assert parse("- tanggal: 2023-09-13\n  teks: x\n  entitas: [kim]\n")[0].date == EventDate(2023, 9, 13)


def test_an_alias_bomb_fails_at_once():
    bomb = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: &d [*c,*c]\ne: &e [*d,*d]\n'
    text = "- tanggal: '2023'\n  teks: x\n  entitas: &z [kim]\n  rujukan: *z\n" + bomb
    with pytest.raises(EntryError, match=r"^docs/linimasa/x.yml:3: YAML anchors"):
        parse(text)


def test_bytes_that_are_not_utf8_name_the_file_and_line():
    data = '- tanggal: "2023"\n  teks: Moskow\n  entitas: [kim]\n- tanggal: "2024"\n  teks: '.encode() + b"\xff\xfe\n"
    with pytest.raises(EntryError) as error:
        parse_events(data, "docs/linimasa/x.yml", known_entity=lambda e: True, known_page=lambda p: True)
    assert str(error.value).startswith("docs/linimasa/x.yml:5: the file is not UTF-8")


def test_utf8_bytes_parse_like_text():
    data = '- tanggal: "2023"\n  teks: Moskow – Pyongyang\n  entitas: [kim]\n'.encode()
    assert parse_events(data, "x.yml", lambda e: True, lambda p: True)[0].text == "Moskow – Pyongyang"
