"""The article's language, found from its text (the page's `lang` a hint): English is never taken
for another language, and an article in a language without a model gets no entities or timeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SAMPLES
from tests.ui.articles import sample_articles
from tui.ingest import ingest_bytes
from tui.model import Article
from tui.nlp.language import detect_language, language_name, language_note, model_language
from tui.nlp.pipeline import analyze_articles

# Invented news, a few sentences each, as a site in that language would write them.
TEXTS = {
    "pt": (
        "A câmara municipal de Vila Serena aprovou na terça-feira um novo orçamento para a "
        "reforma do porto. O presidente da câmara disse que as obras vão começar em março e que "
        "os pescadores não vão perder os seus lugares durante os trabalhos. A oposição votou "
        "contra, porque considera que o custo é muito alto para uma cidade com tão poucos "
        "habitantes, e pediu uma auditoria das contas."
    ),
    "ru": (
        "Городской совет Северной Заречи во вторник утвердил новый бюджет на ремонт порта. Мэр "
        "сказал, что работы начнутся в марте и что рыбаки не потеряют свои места во время "
        "ремонта. Оппозиция голосовала против, потому что считает, что это слишком дорого для "
        "такого маленького города, и потребовала проверить все расходы."
    ),
    "ja": (
        "北浜市議会は火曜日、港の改修に向けた新しい予算を承認した。市長は、工事は三月に始まり、"
        "漁業者が作業中に場所を失うことはないと述べた。野党は、人口の少ない市にとって費用が高すぎる"
        "として反対し、会計の監査を求めている。"
    ),
    "ko": (
        "북항시 의회는 화요일 항구 보수를 위한 새 예산을 승인했다. 시장은 공사가 3월에 시작되며 "
        "어민들이 작업 기간 동안 자리를 잃지 않을 것이라고 말했다. 야당은 인구가 적은 도시에 "
        "비용이 너무 많이 든다며 반대했고 회계 감사를 요구했다."
    ),
    "de": (
        "Der Stadtrat von Nordhafen hat am Dienstag einen neuen Haushalt für die Sanierung des "
        "Hafens beschlossen. Die Bürgermeisterin sagte, dass die Arbeiten im März beginnen und "
        "die Fischer während der Bauzeit ihre Liegeplätze nicht verlieren werden. Die Opposition "
        "stimmte dagegen, weil die Kosten für eine so kleine Stadt zu hoch seien, und verlangte "
        "eine Prüfung der Ausgaben."
    ),
    "fr": (
        "Le conseil municipal de Port-Serein a adopté mardi un nouveau budget pour la rénovation "
        "du port. Le maire a déclaré que les travaux commenceront en mars et que les pêcheurs ne "
        "perdront pas leur place pendant le chantier. L'opposition a voté contre, car elle "
        "estime que le coût est trop élevé pour une ville aussi petite, et elle a demandé un "
        "audit des comptes."
    ),
    "es": (
        "El ayuntamiento de Puerto Claro aprobó el martes un nuevo presupuesto para la reforma "
        "del puerto. La alcaldesa dijo que las obras empezarán en marzo y que los pescadores no "
        "perderán sus amarres durante los trabajos. La oposición votó en contra porque cree que "
        "el coste es demasiado alto para una ciudad tan pequeña."
    ),
    "zh": (
        "北港市议会星期二批准了港口改造的新预算。市长表示，工程将于三月开始，渔民在施工期间不会失去"
        "泊位。反对派投了反对票，认为对于这样一个小城市来说费用太高，并要求审计账目。"
    ),
}

ENGLISH = (
    "The Lakeport harbour council voted on Tuesday to approve a new ferry terminal. The mayor "
    "said work would begin in March and that fishing crews would keep their berths while the "
    "builders are on site. Opponents said the cost was too high for a town of its size."
)


def english_samples() -> list[tuple[str, str]]:
    """The English articles the project ships and tests with: (name, text)."""
    found = []
    for path in sorted(SAMPLES.iterdir()):
        for item in ingest_bytes(path.read_bytes(), origin=path.name):
            if isinstance(item, Article):
                found.append((f"{path.name}: {item.title}", "\n".join(item.paragraphs)))
    found += [(a.title, "\n".join(a.paragraphs)) for a in sample_articles()]
    return found


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_each_invented_text_is_found_in_its_language(code: str) -> None:
    assert detect_language(TEXTS[code]) == code
    assert detect_language(TEXTS[code], hint="en") == code  # the page's lang is only a hint


def test_english_articles_are_always_english() -> None:
    samples = english_samples()
    assert len(samples) >= 8
    for name, text in samples:
        assert detect_language(text) == "en", name
        assert detect_language(text, hint="de") == "en", name  # a wrong `lang` does not win


def test_short_english_is_english_and_a_hint_decides_only_what_text_cannot() -> None:
    assert detect_language("Police said the fire was out by noon.") == "en"
    assert detect_language("Police said the fire was out by noon.", hint="pt") == "en"
    assert detect_language("Lakeport 2024", hint="pt") == "pt"
    assert detect_language("") == "en"
    assert detect_language("", hint="fr") == "fr"
    assert detect_language(ENGLISH + " Zitat: „Das ist gut.“") == "en"  # a quote in German


def test_a_results_table_is_no_other_language_for_its_few_small_words() -> None:
    """Names and scores with "Kong" (a Tagalog stop word) three times are no Tagalog: too little
    prose to tell by."""
    table = "\n".join(
        f"{a} ( Ruritania ) beat {b} ( Vellmar ) {x}-{y} {y}-{x} {x}-{y}"
        for a, b, x, y in [
            ("Amir Talin", "Joss Perrin", 15, 9),
            ("Kofi Ansa", "Mat Ubala", 15, 12),
            ("Raj Deven", "Tomas Lin", 17, 14),
            ("Lee Pei", "Dan Sapna", 15, 11),
        ]
    )
    text = "SQUASH - HONG KONG OPEN RESULTS . HONG KONG 2024-08-30 Results in the Hong Kong Open:\n"
    assert detect_language(text + table) == "en"
    assert detect_language(text + table, hint="pt") == "pt"  # the page's word, when text cannot


def test_language_names() -> None:
    assert language_name("pt") == "Portuguese" and language_name("xx") == "xx"


def article(text: str, language: str = "en") -> Article:
    paragraphs = text.split(". ")
    return Article(
        id=f"{language}0000000001", title="Story", paragraphs=paragraphs, language=language
    )


def shipped_english() -> Article:
    data = (SAMPLES / "council-budget.txt").read_bytes()
    found = ingest_bytes(data, origin="council-budget.txt")[0]
    assert isinstance(found, Article)
    return found


def test_an_article_without_a_model_gets_the_body_and_a_note_only(nlp) -> None:
    english, portuguese, russian = shipped_english(), article(TEXTS["pt"]), article(TEXTS["ru"])
    analyze_articles([english, portuguese, russian], nlp)
    assert model_language() == "en"
    assert english.language == "en" and english.entities and english.analyzed
    assert language_note(english) is None
    for other, code, name in ((portuguese, "pt", "Portuguese"), (russian, "ru", "Russian")):
        assert other.language == code and other.analyzed
        assert other.entities == [] and other.timeline == []
        note = language_note(other)
        assert note is not None and note.startswith(f"This article is in {name}:")
        assert "\n" not in note


def test_analyze_json_says_the_language_found(tmp_path: Path) -> None:
    from tui.cli.commands import app

    def page(lang: str, title: str, text: str) -> str:
        body = "".join(f"<p>{s}.</p>" for s in text.rstrip(".").split(". "))
        return (
            f'<html lang="{lang}"><head><title>{title}</title></head>'
            f"<body><article><h1>{title}</h1>{body}</article></body></html>"
        )

    english = "\n\n".join(shipped_english().paragraphs)
    (tmp_path / "pt.html").write_text(page("en", "Orçamento do porto", TEXTS["pt"]), "utf-8")
    (tmp_path / "en.html").write_text(page("de", "Riverton budget", english), "utf-8")
    result = CliRunner().invoke(
        app, ["analyze", "--json", str(tmp_path / "pt.html"), str(tmp_path / "en.html")]
    )
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["language"] for a in found] == ["pt", "en"]
    assert found[0]["entities"] == [] and found[0]["timeline"] == []
    assert found[1]["entities"]
    plain = CliRunner().invoke(app, ["analyze", str(tmp_path / "pt.html")])
    assert "This article is in Portuguese" in plain.stdout
