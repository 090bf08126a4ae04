"""A synthetic edition for the benchmark: N pages of news prose, M glossary entries.

The project's own format throughout: entries are docs/glosarium/{tokoh,lembaga,tempat}/<id>.md
with `title`, `type`, `aliases`, `summary` and `role`; the site uses the project's real hooks/,
overrides/ and stylesheet, and a mkdocs.yml shaped like the project's.

What makes the edition fair to compare across sizes:
- Names are made-up words, unique (case-insensitively), so no two entries claim a name and
  no name hides inside ordinary prose. Many are multi-word and overlap: "Kementerian Luar
  Negeri Karasu" contains the place "Karasu", "Presiden Rolanu" contains the alias "Rolanu".
- Every page has the same prose skeleton whatever M is (the prose comes from a generator
  seeded by the page number alone) and the same number of mentions, so the 400 x 100 and the
  400 x 1,000 editions differ only in which names the pages mention.
- Every entry is mentioned on at least one article page (round robin), so a strict build
  does not warn.

Usage: python bench/generate.py OUT_DIR --pages 400 --entities 1000
"""

from __future__ import annotations

import argparse
import math
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

#: Mention slots on every article page (more only when M / N needs more to mention every entry).
MENTIONS_PER_PAGE = 24

FOLDERS = {"person": "tokoh", "institution": "lembaga", "place": "tempat"}
SYLLABLES = ["ba", "bu", "da", "di", "ka", "ko", "la", "lu", "ma", "mo", "na", "ni", "ra", "ro",
             "sa", "su", "ta", "to", "wi", "yo", "ha", "je", "pe", "ge"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]
INSTITUTIONS = [  # (title pattern, alias pattern, role); {p} is a place's name.
    ("Kementerian Luar Negeri {p}", "Kemlu {p}", "Kementerian yang mengurus hubungan luar negeri"),
    ("Kementerian Pertahanan {p}", "Kemhan {p}", "Kementerian yang mengurus pertahanan"),
    ("Parlemen {p}", "Majelis Nasional {p}", "Lembaga legislatif"),
    ("Kantor Berita {p}", None, "Kantor berita milik negara"),
]
PERSON_ROLES = [("Presiden", "Kepala negara"), ("Menteri", "Menteri kabinet"),
                ("Juru Bicara", "Juru bicara pemerintah"), ("Profesor", "Pengamat hubungan internasional")]

# Prose. {P} a person, {I} an institution, {L} a place: one mention slot each.
FILLER = [
    "Pernyataan itu disampaikan dalam konferensi pers pada Kamis pagi waktu setempat.",
    "Para pengamat menilai langkah tersebut sebagai sinyal politik yang penting bagi kawasan.",
    "Pemerintah belum memberikan tanggapan resmi atas laporan tersebut hingga berita ini diturunkan.",
    "Sejumlah diplomat mengatakan pembicaraan berlangsung tertutup dan memakan waktu beberapa jam.",
    "Rencana kunjungan itu disebut akan mencakup pertemuan dengan pejabat tinggi dan pelaku usaha.",
    "Hubungan kedua negara sempat merenggang pada dekade lalu sebelum kembali membaik.",
    "Laporan media setempat menyebutkan bahwa delegasi terdiri atas dua belas anggota.",
    "Kesepakatan itu masih harus disetujui oleh parlemen sebelum mulai berlaku.",
    "Analis memperkirakan dampak ekonominya baru akan terasa dalam beberapa tahun ke depan.",
    "Dalam wawancara terpisah, seorang pejabat yang enggan disebut namanya membenarkan kabar itu.",
]
MENTIONING = [
    "{P} mengatakan bahwa {I} akan mengirim delegasi ke {L} pada bulan {month}.",
    "Menurut {P}, hubungan antara {L} dan {L} terus membaik sejak {year}.",
    "Dilansir {I}, {P} dijadwalkan bertemu mitranya di {L} pekan depan.",
    "{I} menyatakan keprihatinan atas meningkatnya ketegangan di perbatasan {L}.",
    "Kunjungan {P} ke {L} disebut sebagai yang pertama dalam {n} tahun terakhir.",
    "Sebelumnya, {P} menerima undangan dari {P} untuk membahas kerja sama energi.",
]
HEADINGS = ["Latar belakang", "Reaksi internasional", "Kerja sama ekonomi", "Langkah berikutnya",
            "Sorotan para pengamat", "Catatan sejarah"]

#: Every word the prose uses: a made-up name must not be one of them.
PROSE_WORDS = {word.strip(".,:;()\"'{}").lower()
               for text in [*FILLER, *MENTIONING, *HEADINGS, *MONTHS]
               for word in text.split()}


@dataclass
class Entry:
    id: str
    type: str
    title: str
    aliases: list[str]
    summary: str
    role: str

    @property
    def names(self) -> list[str]:
        return [self.title, *self.aliases]


class Names:
    """Made-up capitalised words, never the same twice (ignoring case), never a prose word."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set(PROSE_WORDS)

    def word(self) -> str:
        while True:
            word = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4))).capitalize()
            if word.lower() not in self.used:
                self.used.add(word.lower())
                return word


def make_entries(count: int, seed: int = 7) -> list[Entry]:
    """`count` entries: about 30% places, 30% institutions (named after a place), 40% people."""
    rng = random.Random(seed)
    names = Names(rng)
    places = max(1, round(count * 0.3))
    institutions = min(round(count * 0.3), places * len(INSTITUTIONS))
    people = count - places - institutions
    entries: list[Entry] = []
    for _ in range(places):
        name = names.word()
        entries.append(Entry(f"{name.lower()}", "place", name, [f"Republik {name}"],
                             f"Negara fiktif {name}, dibuat untuk uji kinerja glosarium.", "Negara"))
    place_entries = list(entries)
    for index in range(institutions):
        place = place_entries[index % places].title
        title, alias, role = INSTITUTIONS[index // places]
        aliases = [alias.format(p=place)] if alias else []
        entries.append(Entry(_slug(title.format(p=place)), "institution", title.format(p=place), aliases,
                             f"Lembaga fiktif di {place}.", role))
    for index in range(people):
        first, middle, last = names.word(), names.word(), names.word()
        prefix, role = PERSON_ROLES[index % len(PERSON_ROLES)]
        entries.append(Entry(_slug(f"{first} {last}"), "person", f"{first} {last}",
                             [last, f"{prefix} {last}", f"{first} {middle} {last}"],
                             f"Tokoh fiktif; {role.lower()} dalam edisi uji.", role))
    return entries


def _slug(text: str) -> str:
    return "-".join(text.lower().split())


def entry_markdown(entry: Entry, related: Entry) -> str:
    front = {"title": entry.title, "type": entry.type, "aliases": entry.aliases,
             "summary": entry.summary, "role": entry.role}
    return (f"---\n{yaml.safe_dump(front, allow_unicode=True, sort_keys=False)}---\n\n"
            f"{entry.title} adalah entri uji. Entri ini berkaitan dengan {related.title}.\n")


def page_markdown(number: int, total: int, mentions: list[Entry], names_rng: random.Random) -> str:
    """One article page. The prose depends only on `number` and the number of mentions.

    Each mention slot takes the next entry of its type from `mentions` (or of any type when
    those run out), so every entry in `mentions` is named in annotatable text at least once.
    """
    prose = random.Random(number)
    queues = {kind: [e for e in mentions if e.type == kind] for kind in FOLDERS}
    kinds = {"P": "person", "I": "institution", "L": "place"}

    def take(kind: str) -> Entry:
        queue = queues[kind] or next((q for q in queues.values() if q), None)
        return queue.pop() if queue else names_rng.choice(mentions)

    def sentence(template: str, pick=take) -> str:
        out = template.format(month=prose.choice(MONTHS), year=prose.randint(1990, 2023),
                              n=prose.randint(2, 30), P="{P}", I="{I}", L="{L}")
        for slot, kind in kinds.items():
            while "{" + slot + "}" in out:
                out = out.replace("{" + slot + "}", names_rng.choice(pick(kind).names), 1)
        return out

    def slots(template: str) -> int:
        return sum(template.count("{" + slot + "}") for slot in kinds)

    blocks = [f"# Laporan uji nomor {number}", f"Ringkasan berita uji nomor {number}.\n{{: .standfirst }}"]
    used = 0
    while used < len(mentions):
        template = prose.choice(MENTIONING)
        used += slots(template)
        blocks.append(" ".join([prose.choice(FILLER), sentence(template), prose.choice(FILLER),
                                prose.choice(FILLER)]))
        kind = len(blocks) % 5
        if kind == 0:
            blocks.append(f"## {prose.choice(HEADINGS)}")
        elif kind == 1:
            blocks.append(f"> \"{prose.choice(FILLER)}\" {sentence('kata {P}.')}")
            used += 1
        elif kind == 2:
            items = ["{L}: " + prose.choice(FILLER), "{I}: " + prose.choice(FILLER)]
            blocks.append("\n".join(f"- {sentence(item)}" for item in items))
            used += 2
        elif kind == 3:
            other = prose.randint(1, total)
            blocks.append(f"Baca juga [laporan nomor {other}](halaman-{other:04d}.md) dan "
                          f"[sumber aslinya](https://example.org/berita/{number}).")
        else:  # Names in code are never annotated: they do not count as mentions.
            raw = sentence("{P} di {L}", pick=lambda kind: names_rng.choice(mentions))
            blocks.append(f"```text\nkutipan mentah: {raw}\n```")
    front = {"title": f"Laporan uji nomor {number}", "description": f"Ringkasan berita uji nomor {number}.",
             "halaman": number}
    return (f"---\n{yaml.safe_dump(front, allow_unicode=True, sort_keys=False)}---\n\n"
            + "\n\n".join(blocks) + "\n")


def page_mentions(entries: list[Entry], pages: int, rng: random.Random) -> list[list[Entry]]:
    """Which entries each page names: every entry once (round robin), then random ones."""
    per_page = max(MENTIONS_PER_PAGE, math.ceil(len(entries) / pages))
    plan: list[list[Entry]] = [[] for _ in range(pages)]
    for index, entry in enumerate(entries):
        plan[index % pages].append(entry)
    for mentions in plan:
        mentions.extend(rng.choice(entries) for _ in range(per_page - len(mentions)))
        rng.shuffle(mentions)
    return plan


MKDOCS_YML = """\
site_name: Edisi uji kinerja
site_url: http://127.0.0.1:8000/
docs_dir: docs
theme:
  name: material
  custom_dir: overrides
  language: id
  font: false
  features: [navigation.footer, navigation.instant, navigation.top, search.highlight, content.tooltips]
plugins:
  - search
{hooks}
markdown_extensions:
{extensions}
extra_css:
  - assets/glossary.css
extra:
  glossary:
    enabled: !ENV [GLOSSARY, true]
    annotate: first
  article:
    publisher: Liputan6.com
    date: "2024-02-01"
    date_text: Kamis, 1 Februari 2024
    via: CNA
    pages: {pages}
validation:
  nav:
    omitted_files: info
    not_found: warn
  links:
    not_found: warn
    anchors: warn
    unrecognized_links: warn
nav:
  - Beranda: index.md
  - Artikel:
{nav}
  - Glosarium: glosarium/index.md
"""
EXTENSIONS = ["attr_list", "admonition", "md_in_html", "toc:\n      permalink: false"]

#: The site variants: hooks and Markdown extensions of each mkdocs.yml.
VARIANTS = {
    "glossary": (["hooks/glossary_hook.py"], EXTENSIONS),
    "naive": (["bench_hooks/naive.py"], EXTENSIONS),
    "abbr": ([], [*EXTENSIONS, "abbr",
                  "pymdownx.snippets:\n      auto_append:\n        - includes/abbreviations.md"]),
}


def mkdocs_yml(variant: str, pages: int) -> str:
    hooks, extensions = VARIANTS[variant]
    hook_lines = "hooks:\n" + "".join(f"  - {h}\n" for h in hooks) if hooks else ""
    nav = "\n".join(f"      - artikel/halaman-{n:04d}.md" for n in range(1, pages + 1))
    return MKDOCS_YML.format(hooks=hook_lines.rstrip("\n"), pages=pages, nav=nav,
                             extensions="\n".join(f"  - {e}" for e in extensions))


def abbreviations(entries: list[Entry]) -> str:
    """Material's glossary: one `*[Name]: summary` definition per name, appended to every page.

    A blank line between definitions: written one per line, as in Material's documentation,
    they form one block that Python-Markdown re-scans after each definition, which is
    quadratic (32 s instead of 3 s for the 50 x 100 build). The reference gets its fast form.
    """
    return "".join(f"*[{name}]: {entry.summary}\n\n" for entry in entries for name in entry.names)


def copy_project(out: Path) -> None:
    """The project's real engine, hooks, templates and stylesheet, as the edition's own."""
    (out / "docs" / "assets").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "docs" / "assets" / "glossary.css", out / "docs" / "assets" / "glossary.css")
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "hooks", out / "hooks", ignore=ignore)
    shutil.copytree(ROOT / "overrides", out / "overrides", ignore=ignore)


def generate(out: Path, pages: int, entity_count: int) -> dict[str, Path]:
    """Write the edition under `out`; return the mkdocs.yml of each variant."""
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    entries = make_entries(entity_count)
    rng = random.Random(11)
    for index, entry in enumerate(entries):
        target = docs / "glosarium" / FOLDERS[entry.type] / f"{entry.id}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        related = entries[(index + 1) % len(entries)]
        target.write_text(entry_markdown(entry, related), encoding="utf-8")
    (docs / "artikel").mkdir(parents=True)
    for number, mentions in enumerate(page_mentions(entries, pages, rng), start=1):
        (docs / "artikel" / f"halaman-{number:04d}.md").write_text(
            page_markdown(number, pages, mentions, rng), encoding="utf-8")
    (docs / "index.md").write_text("# Edisi uji kinerja\n\nHalaman depan edisi uji.\n", encoding="utf-8")
    copy_project(out)
    (out / "bench_hooks").mkdir()
    shutil.copy(Path(__file__).with_name("naive.py"), out / "bench_hooks" / "naive.py")
    (out / "includes").mkdir()
    (out / "includes" / "abbreviations.md").write_text(abbreviations(entries), encoding="utf-8")
    configs = {}
    for variant in VARIANTS:
        configs[variant] = out / f"mkdocs-{variant}.yml"
        configs[variant].write_text(mkdocs_yml(variant, pages), encoding="utf-8")
    return configs


#: The heavy page of issue 12 (point 9): one paragraph naming one entity this many times.
HEAVY_MENTIONS = 40_000


def generate_heavy(out: Path, mentions: int = HEAVY_MENTIONS) -> Path:
    """One article page of `" ".join(["Putin *x*"] * mentions)` and one entity; return its mkdocs.yml.

    Every mention sits in the same paragraph, between emphasis elements: annotation that is not
    linear in the number of mentions (an index lookup per mention, text re-read per mention)
    shows here long before it shows on ordinary pages.
    """
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    putin = Entry("vladimir-putin", "person", "Vladimir Putin", ["Putin"], "Presiden Rusia.", "Presiden")
    (docs / "glosarium" / "tokoh").mkdir(parents=True)
    (docs / "glosarium" / "tokoh" / f"{putin.id}.md").write_text(entry_markdown(putin, putin), encoding="utf-8")
    (docs / "artikel").mkdir()
    front = {"title": "Halaman berat", "description": f"{mentions} sebutan dalam satu paragraf.", "halaman": 1}
    (docs / "artikel" / "halaman-0001.md").write_text(
        f"---\n{yaml.safe_dump(front, allow_unicode=True, sort_keys=False)}---\n\n"
        + " ".join(["Putin *x*"] * mentions) + "\n", encoding="utf-8")
    (docs / "index.md").write_text("# Halaman berat\n\nSatu halaman, satu tokoh.\n", encoding="utf-8")
    copy_project(out)
    config = out / "mkdocs-glossary.yml"
    config.write_text(mkdocs_yml("glossary", 1), encoding="utf-8")
    return config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--entities", type=int, default=100)
    args = parser.parse_args()
    for variant, path in generate(args.out, args.pages, args.entities).items():
        print(f"{variant}: {path}")


if __name__ == "__main__":
    main()
