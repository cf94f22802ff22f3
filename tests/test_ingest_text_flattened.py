"""Pages flattened onto one or two lines (BeautifulSoup's get_text of a minified page): where the
story starts and ends when no line break says so."""

from __future__ import annotations

from tests.stories import MENU
from tui.ingest.text import clean_dump
from tui.ingest.text_lines import split_sentences

TEASERS = (
    "Harbour Ferry Fares Rise Again The crossing to Pell Island will cost more from spring, and "
    "commuters are not happy about it. Best Bakeries In Lakeview Looking for a good loaf? We "
    "asked readers where they queue on a Saturday morning and the answers surprised us. "
    "Is Youth Football Getting Too Rough? Coaches in three counties say more players are being "
    "hurt, and parents want the league to act before the next season begins."
)
STORY = [
    "GRANTHAM FALLS, Ore. (AP) — A second hiker has died after a rockfall on the Cinder Ridge "
    "trail, county officials said Tuesday.",
    "The woman, whose name was not released, was one of four people hit when a slab gave way "
    "above the trail's upper switchbacks on Sunday afternoon.",
    "Rangers closed the trail on Monday and said it would stay closed until geologists from the "
    "state university have surveyed the slope.",
    "The other two hikers were treated at Lakeview General Hospital and released the same day, "
    "a hospital spokesman said.",
]
FOOTER = "Comments You must log in to post a comment. Follow Us Privacy Policy Terms of Use"


def test_a_wire_dateline_in_a_flattened_page_starts_the_story() -> None:
    page = " ".join(["Lakeview Daily Menu Sign In", *([MENU] * 4), TEASERS, *STORY, FOOTER])
    assert "\n" not in page
    body = clean_dump(page).paragraphs
    assert body[0] == STORY[0]
    assert " ".join(body).startswith(" ".join(STORY))
    for teaser in ("Ferry Fares", "Bakeries", "Youth Football"):
        assert teaser not in " ".join(body)


def test_a_full_stop_after_a_space_ends_a_sentence() -> None:
    text = (
        "The figures were first reported by the Lakeview Ledger . A spokesman for the "
        "council declined to comment on Friday."
    )
    assert split_sentences(text) == [
        "The figures were first reported by the Lakeview Ledger .",
        "A spokesman for the council declined to comment on Friday.",
    ]


def test_split_sentences_still_keeps_an_abbreviation_inside_a_sentence() -> None:
    text = "Dr. Ines Marlow of the St. Brendan clinic said the wait fell. It was 40 days in May."
    assert split_sentences(text) == [
        "Dr. Ines Marlow of the St. Brendan clinic said the wait fell.",
        "It was 40 days in May.",
    ]


def test_a_date_stamp_and_byline_cut_the_menu_from_the_first_sentence() -> None:
    text = (
        "Front Page Phones Tablets Laptops Deals Reviews Guides Podcast New Tablet Expected "
        "Next Year Monday November 18, 2024 7:45 am PST by Jo Marsh Following the launch of "
        "its larger model, Corvane plans a smaller tablet with a new keyboard next year."
    )
    assert split_sentences(text)[-1] == (
        "Following the launch of its larger model, Corvane plans a smaller tablet with a new "
        "keyboard next year."
    )


def test_a_popular_articles_block_after_the_story_is_dropped() -> None:
    lines = [*STORY[1:], "Popular Articles", "Ferry fares rise again as the council meets"]
    body = clean_dump("\n\n".join(lines)).paragraphs
    assert body == STORY[1:]


def test_a_russian_comment_form_ends_the_story() -> None:
    story = [
        "Городской совет утвердил новый план ремонта набережной, сообщили в мэрии во вторник.",
        "Работы начнутся весной и продлятся два года, а движение по набережной будет частично "
        "закрыто на всё это время.",
        "Жители соседних улиц попросили совет заранее опубликовать схему объезда и часы работ.",
    ]
    # WordPress's comment form in Russian, its labels run into its consent sentence.
    form = (
        "Добавить комментарий Отменить ответ Имя * E-mail * Комментарий Сохранить моё имя, "
        "email и адрес сайта в этом браузере для моих следующих комментариев."
    )
    menu = "Главная Новости Город Спорт Культура Погода Афиша Транспорт Здоровье Образование"
    page = " ".join([*([menu] * 16), *story, form])
    assert len(page) > 1500  # long enough to be read as a flattened page
    body = " ".join(clean_dump(page).paragraphs)
    assert "Работы начнутся весной" in body
    assert "Комментарий" not in body and "Отменить" not in body
