"""A deterministic corpus of UN press releases generated from the bundled one.

Release 0 is the bundled release, byte for byte. Every other release is the same text
perturbed with a `random.Random` seeded by its number, so the corpus at any size is the
same on every machine and run, and a corpus of N releases is the first N of a larger one:

- the panellists' surnames are drawn from a fixed list (the bundled names stay in the
  pool, so `--speaker bachelet` still finds some releases), consistently in the roster,
  the "Ms. BACHELET" leads and the running text; the delegations that speak are drawn
  from a list of countries;
- the date (2010-2024), a symbol line, the title's key phrases and the money amounts vary;
- in every prose paragraph the first sentence (which names the speaker) stays first, the
  other sentences are shuffled, some are dropped and some are borrowed from elsewhere in
  the release, so paragraphs differ while the header/body/trailer structure, the panel
  rosters and the speaker leads that untrack's parser relies on are kept;
- a few words are swapped for alternatives in most releases ("footballers" stays rare).
"""

from __future__ import annotations

import datetime as _dt
import random
import re
from pathlib import Path

# Panellists and officials named in the bundled release: (form in running text, forms in leads).
SPEAKERS = {
    "Bachelet": ["BACHELET"],
    "Bassiouni": ["BASSIOUNI"],
    "Mam": ["MAM"],
    "Arkless": ["ARKLESS"],
    "Nelson": ["NELSON"],
    "Hammad": ["HAMMAD"],
    "Swing": ["SWING"],
    "Jong": ["HONG", "Hong"],  # the release spells her "Rani Jong" and "Ms. HONG"
    "Ezeilo": ["EZEILO"],
    "Al-Maliki": ["AL-MALIKI"],
    "Lima": ["LIMA"],
    "Fedotov": [],
    "Sorvino": [],
}

SURNAMES = (
    "Okafor Lindqvist Moreau Tanaka Haddad Kowalski Mensah Ortega Petrov Nakamura Abdullah Fischer Rahman "
    "Silva Kariuki Novak Chen Mbeki Larsen Castillo Ibrahim Dubois Hosseini Quispe Andersen Banerjee "
    "Costa Diallo Eriksen Fontaine Gonzaga Halvorsen Iqbal Jovanovic Kamara Lambert Mahmoud Nwosu Olsen "
    "Park Ramos Sato Toure Usman Varga Wanjiru Yilmaz Zapata Achebe Bianchi Carvalho Dlamini Esposito "
    "Ferreira Garcia Horvat Ivanova Jensen Keita Lopez"
).split()

# Delegations that take the floor in the bundled release, and countries to replace them.
DELEGATIONS = ["Greece", "Ukraine", "Japan", "Thailand", "Luxembourg", "Kazakhstan"]
COUNTRIES = (
    "Argentina, Bangladesh, Brazil, Canada, Chile, Colombia, Denmark, Ecuador, Ethiopia, Finland, France, "
    "Ghana, Greece, Guatemala, India, Indonesia, Ireland, Italy, Japan, Jordan, Kazakhstan, Kenya, "
    "Luxembourg, Malaysia, Mexico, Morocco, Nepal, Netherlands, Nigeria, Norway, Pakistan, Peru, Poland, "
    "Senegal, Spain, Sweden, Thailand, Tunisia, Ukraine, Uruguay, Viet Nam, Zambia"
).split(", ")

# The title's two key phrases (they appear in every spelling of the title in the header).
TITLE_A = (
    "Abject Poverty",
    "Abject Poverty, Shameful Silence, Broken Promises, Modern Slavery, Invisible Victims, "
    "Unfinished Business, Collective Failure, Human Dignity, Shared Responsibility, Hidden Crimes".split(", "),
)
TITLE_B = (
    "Social Protections",
    "Social Protections, Stronger Laws, Coordinated Action, Victim Support, Global Partnerships, "
    "Better Data, Safe Migration, Decent Work, Legal Aid, Border Cooperation".split(", "),
)

# Words swapped for an alternative in most generated releases, so rare terms stay rare.
SWAPS = {
    "footballers": ["athletes", "jockeys", "cyclists", "boxers", "cricketers", "wrestlers", "gymnasts", "runners"],
    "brothel": ["factory", "farm", "workshop", "mine", "kitchen", "fishing boat"],
    "sweatshop": ["domestic", "agricultural", "construction", "factory"],
    "Cambodian": ["Nepalese", "Moldovan", "Nigerian", "Filipino", "Albanian", "Honduran"],
}
SWAP_P = 0.9

# Sentences in the bundled release end with a no-break space and a space.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?”’\"])[ \u00a0]{2,}(?=\S)")
_GAP = "\u00a0 "
_PROSE_END = re.compile(r"[.!?][”’\"]?$")
_AMOUNT = re.compile(r"\$(\d{1,3}(?:,\d{3})+)")
SEED_DATE = "3 April 2012"
MONTHS = "January February March April May June July August September October November December".split()


def _release(seed_text: str, pool: list[str], i: int) -> str:
    rng = random.Random(f"untrack-bench-{i}")
    text = seed_text

    # Speakers: one consistent surname per panellist, drawn from the list plus the originals.
    names = rng.sample(SURNAMES + list(SPEAKERS), len(SPEAKERS))
    mapping: dict[str, str] = {}
    for (orig, caps), new in zip(SPEAKERS.items(), names, strict=True):
        mapping[orig] = new
        for form in caps:
            mapping[form] = new.upper() if form.isupper() else new
    for old, new in zip(DELEGATIONS, rng.sample(COUNTRIES, len(DELEGATIONS)), strict=True):
        mapping[old] = new
    for word, alternatives in SWAPS.items():
        if rng.random() < SWAP_P:
            mapping[word] = rng.choice(alternatives)
    alternation = "|".join(sorted(map(re.escape, mapping), key=len, reverse=True))
    text = re.sub(rf"(?<![\w-])(?:{alternation})(?![\w-])", lambda m: mapping[m.group(0)], text)

    # Header: date, symbol, title.
    day = _dt.date(2010, 1, 1) + _dt.timedelta(days=rng.randrange((_dt.date(2024, 12, 31) - _dt.date(2010, 1, 1)).days))
    date = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    text = text.replace(f"{SEED_DATE}\nGeneral Assembly\n", f"{SEED_DATE}\nGA/{11200 + i}\nGeneral Assembly\n", 1)
    text = text.replace(SEED_DATE, date)
    for phrase, choices in (TITLE_A, TITLE_B):
        text = text.replace(phrase, rng.choice(choices))
    text = _AMOUNT.sub(lambda m: f"${rng.randrange(5, 500) * 1000:,}", text)

    # Body: shuffle, drop and borrow sentences after each prose paragraph's first.
    parts = re.split(r"(\n[ \t]*\n)", text)
    for k, block in enumerate(parts):
        if "\n" in block or len(block) < 120 or not _PROSE_END.search(block):
            continue  # header lines, headings, the trailer
        sentences = _SENTENCE_BREAK.split(block)
        lead, rest = sentences[0], sentences[1:]
        rng.shuffle(rest)
        rest = [s for s in rest if rng.random() > 0.15]
        if rng.random() < 0.5:
            rest.insert(rng.randrange(len(rest) + 1), rng.choice(pool))
        parts[k] = _GAP.join([lead, *rest])
    return "".join(parts)


def _sentence_pool(seed_text: str) -> list[str]:
    pool = []
    for block in re.split(r"\n[ \t]*\n", seed_text):
        sentences = _SENTENCE_BREAK.split(block)
        pool += [s for s in sentences[1:] if 40 < len(s) < 400]
    return pool


def generate(seed: Path, out: Path, n: int) -> list[Path]:
    """Write releases 0..n-1 to `out` (existing identical files are left alone); return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    raw = seed.read_bytes()
    seed_text = raw.decode("utf-8")
    pool = _sentence_pool(seed_text)
    paths = []
    for i in range(n):
        path = out / f"r{i:04d}.txt"
        data = raw if i == 0 else _release(seed_text, pool, i).encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- real-mix
# The releases above share one vocabulary, so every word's document frequency grows with the
# corpus at the same rate, unlike a real corpus, where a question mixes rare words (short postings)
# with common ones. `generate_real_mix` recombines real text instead.


def _prose_blocks(text: str) -> list[str]:
    """The prose paragraphs of a release: long blocks that end a sentence (not header lines)."""
    return [b.strip() for b in re.split(r"\n[ \t]*\n", text) if len(b.strip()) >= 120 and _PROSE_END.search(b.strip())]


def _sentences(block: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?”’\"])\s+(?=[A-Z“‘\"(])", block) if s]


def _mixed_release(base: str, pool: list[str], sentences: list[str], rng: random.Random) -> str:
    """`base` (a whole real release: header, headline, its own paragraphs) followed by 8–24
    paragraphs drawn from `pool`, each with its first sentence kept first and the rest shuffled,
    some dropped and one sometimes borrowed from another release."""
    out = [base.rstrip("\n")]
    for _ in range(rng.randint(8, 24)):
        lead, *rest = _sentences(rng.choice(pool))
        rng.shuffle(rest)
        rest = [s for s in rest if rng.random() > 0.2]
        if rng.random() < 0.5:
            rest.insert(rng.randrange(len(rest) + 1), rng.choice(sentences))
        out.append(" ".join([lead, *rest]))
    return "\n\n".join(out) + "\n"


def generate_real_mix(sources: list[Path], out: Path, n: int) -> list[Path]:
    """Write releases 0..n-1 to `out` built from real releases (`sources`: the eval corpus and
    the bundled release): release i is source i mod len(sources), whole, plus paragraphs
    sampled from all sources (see :func:`_mixed_release`), seeded by i, so vocabulary and
    document frequencies vary as in a real corpus and every run writes the same files."""
    out.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted(sources)]
    pool = [b for t in texts for b in _prose_blocks(t)]
    sentences = [s for b in pool for s in _sentences(b) if 40 < len(s) < 400]
    paths = []
    for i in range(n):
        rng = random.Random(f"untrack-real-mix-{i}")
        path = out / f"m{i:05d}.txt"
        data = _mixed_release(texts[i % len(texts)], pool, sentences, rng).encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        paths.append(path)
    return paths
