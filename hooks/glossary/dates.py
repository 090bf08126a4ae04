"""Dates as editors write them (ISO: "2024-02-01", "2024-02", "2024") and as readers see them (Indonesian)."""

from __future__ import annotations

import datetime
import re

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")

#: ASCII digits only: `\d` also matches Arabic-Indic or fullwidth digits, which no feed or JSON-LD reads.
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def parse_date(text: str, forms: str = "YYYY, YYYY-MM or YYYY-MM-DD") -> tuple[int, int, int]:
    """(year, month, day) of an ISO date, 0 for a part not given; `ValueError` for no real date.

    `forms` names the forms the caller accepts, for the message; the caller checks which parts it needs.
    """
    match = _DATE.fullmatch(text)
    if not match:
        raise ValueError(f"date {text[:40]!r} is not {forms}")
    year, month, day = (int(part) if part else 0 for part in match.groups())
    if year < 1:
        raise ValueError(f"date '{text}' has no year 0000 (the calendar starts at year 1)")
    if match.group(2) and not 1 <= month <= 12:
        raise ValueError(f"date '{text}' has no month {month}")
    if match.group(3):
        try:
            datetime.date(year, month, day)
        except ValueError as error:  # "day is out of range for month"
            raise ValueError(f"date '{text}': {error}") from None
    return year, month, day


def format_date(year: int, month: int = 0, day: int = 0, *, short: bool = False) -> str:
    """Indonesian: "1 Februari 2024", "Februari 2024", "2024"; short: "1 Feb 2024"."""
    names = MONTHS_SHORT if short else MONTHS
    parts = [str(day)] if day else []
    parts += [names[month - 1]] if month else []
    return " ".join([*parts, str(year)])


def format_iso_date(text: str, *, short: bool = False) -> str:
    """`format_date` of an ISO date string: "2026-11-26" -> "26 November 2026"."""
    return format_date(*parse_date(text), short=short)


WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def weekday_name(text: str) -> str:
    """The Indonesian name of the day of a "YYYY-MM-DD" date: "2024-02-01" -> "Kamis"."""
    year, month, day = parse_date(text, "YYYY-MM-DD")
    return WEEKDAYS[datetime.date(year, month, day).weekday()]
