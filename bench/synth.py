"""Synthetic stores for the speed benchmarks: realistic articles, written straight to disk.

Words are drawn with their real frequencies from the bodies in ../shared/eval (or the sample articles
when that is absent), so posting lists and vocabulary grow as they do with news; each article has 8-20
paragraphs (about 600 words), 10-40 entities with aliases, a few timeline events, and a raw HTML page
around the body (navigation, scripts and footer repeated: about 30 KB; real pages are 40-1000 KB).

The files are written directly (no fsync, no per-article lock) in the exact formats `tui.store` writes
(using its own document builders), because adding 50,000 articles through `Store.add` would take far too
long for a benchmark; `layout="before"` writes the layout of `bench/store_before.py` instead.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.model import Article, Entity, Mention, PublishedDate, TimelineEvent

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SOURCES = ("The Daily Ledger", "Harbour Times", "Globe Wire", "Northern Courier", "Metro Post")
BOILERPLATE = (
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li><li><a "
    "href='/politics'>Politics</a></li><li><a href='/business'>Business</a></li></ul></nav>"
    "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
    "gtag('js',new Date());gtag('config','UA-000000-1');</script>"
    "<aside class='promo'>Subscribe now for unlimited access to our journalism.</aside>"
)


class Corpus:
    """Word and name frequencies to draw articles from."""

    def __init__(self, seed: int = 8, events: tuple[int, int] = (1, 6)) -> None:
        self.rng = random.Random(seed)
        self.events = events  # how many timeline events an article has, at least and at most
        texts = _corpus_texts()
        counts = Counter(w for t in texts for w in re.findall(r"[A-Za-z][\w'’-]*|\d+", t))
        ranked = counts.most_common()
        self.words = [w for w, _ in ranked]
        self.cum_weights = list(accumulate(c for _, c in ranked))
        caps = [w for w in self.words if w[0].isupper() and len(w) > 3]
        self.rng.shuffle(caps)
        self.names = [f"{a} {b}" for a, b in zip(caps[::2], caps[1::2], strict=False)] or [
            "Ann Lee"
        ]

    def sentence(self, n: int) -> str:
        words = self.rng.choices(self.words, cum_weights=self.cum_weights, k=n)
        return " ".join(words).capitalize() + "."

    def article(self, n: int, added: datetime) -> Article:
        rng = self.rng
        paragraphs = [
            " ".join(self.sentence(rng.randint(8, 22)) for _ in range(rng.randint(2, 3)))
            for _ in range(rng.randint(8, 20))
        ]
        entities = []
        for name in rng.sample(self.names, min(len(self.names), rng.randint(5, 35))):
            last = name.split()[-1]
            mentions = [Mention(rng.randrange(len(paragraphs)), 0, len(last), last)] * 3
            entities.append(
                Entity(name, rng.choice(("PERSON", "ORGANIZATION", "PLACE")), [last], 3, mentions)
            )
        day = datetime(2020, 1, 1) + timedelta(days=n % 1500)
        timeline = [
            TimelineEvent(
                (day - timedelta(days=k)).date().isoformat(),
                "day",
                "Monday",
                k % len(paragraphs),
                0,
                6,
                paragraphs[k % len(paragraphs)][:240],
            )
            for k in range(rng.randint(*self.events))
        ]
        title = self.sentence(rng.randint(6, 12)).rstrip(".").title()
        raw = _page(title, paragraphs)
        return Article(
            id=hashlib.sha256(f"synthetic {n}".encode()).hexdigest()[:12],
            title=title,
            paragraphs=paragraphs,
            source=rng.choice(SOURCES),
            url=f"https://news.example/{n}",
            published=PublishedDate(day.date().isoformat(), "day", "metadata"),
            entities=entities,
            timeline=timeline,
            analyzed=True,
            raw=raw,
            raw_kind="html",
            origin=f"https://news.example/{n}",
            added=added.isoformat(timespec="microseconds"),
            read=rng.random() < 0.5,
        )

    def common_name(self) -> str:
        """A name some articles mention (for the entity filter)."""
        return self.names[0]

    def queries(self) -> list[str]:
        """Search queries: a frequent word, a mid-frequency pair, a rare word, a word piece."""
        words = [w.casefold() for w in self.words if w.isalpha() and len(w) > 4]
        return [words[20], f"{words[150]} {words[400]}", words[3000], words[60][:4]]


def _corpus_texts() -> list[str]:
    truth = SHARED / "eval" / "extraction" / "ground-truth.json"
    if truth.exists():
        return [v["articleBody"] for v in json.loads(truth.read_text(encoding="utf-8")).values()]
    return [
        p.read_text(encoding="utf-8", errors="replace")
        for p in (REPO / "sample_articles").iterdir()
    ]


def _page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title><meta charset='utf-8'></head><body>"
        f"{BOILERPLATE * 30}<article><h1>{title}</h1>{body}</article>{BOILERPLATE * 30}</body></html>"
    )


def write_store(
    db: Path, count: int, layout: str = "after", seed: int = 8, events: tuple[int, int] = (1, 6)
) -> Corpus:
    """Write a store of `count` synthetic articles at `db` (`after`: tui.store; `before`: the old
    one), each with `events` (at least, at most) timeline events."""
    from tui.store.documents import body_doc, summary_doc
    from tui.store.index_file import AtomicJSONStorage
    from tui.store.keys import identity_terms
    from tui.store.migrations import SCHEMA_VERSION
    from tui.store.search import entry_for
    from tui.store.search_files import entry_of, write_base
    from tui.store.term_indexes import entity_terms

    corpus = Corpus(seed, events)
    bodies = db.with_name(db.stem + ".articles")
    bodies.mkdir(parents=True, exist_ok=True)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    docs: dict[str, dict] = {}
    entries, entity_entries, key_entries = {}, {}, {}
    for n in range(count):
        article = corpus.article(n, start + timedelta(minutes=n))
        if layout == "after":
            (bodies / f"{article.id}.raw").write_text(article.raw, encoding="utf-8")
            body, doc = body_doc(article), summary_doc(article)
            entries[article.id] = entry_for(article)
            entity_entries[article.id] = entry_of(entity_terms(article))
            key_entries[article.id] = entry_of(identity_terms(article))
        else:
            body = article.to_dict()
            doc = _before_summary(article)
        (bodies / f"{article.id}.json").write_text(
            json.dumps(body, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
        docs[str(n + 1)] = doc
    schema = SCHEMA_VERSION if layout == "after" else 1
    index = {"articles": docs, "meta": {"1": {"schema": schema}}}
    if layout == "after":  # as the store writes it (with its write token)
        AtomicJSONStorage(str(db)).write(index)
    else:
        db.write_text(
            json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
    if layout == "after":
        write_base(db.with_name(db.stem + ".search"), 1, entries)
        write_base(db.with_name(db.stem + ".entities"), 1, entity_entries)
        write_base(db.with_name(db.stem + ".keys"), 1, key_entries)
    return corpus


def _before_summary(article: Article) -> dict:
    """The index document of the old layout (every summary field, keys inline)."""
    from tui.model import ArticleSummary

    doc = ArticleSummary.of(article).to_dict()
    doc["analyzed"] = article.analyzed
    keys = {e.name.casefold() for e in article.entities}
    keys.update(a.casefold() for e in article.entities for a in e.aliases)
    doc["entity_keys"] = sorted(keys)
    return doc
