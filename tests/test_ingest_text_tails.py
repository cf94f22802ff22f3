"""Dump cleaning at the story's edges: the headline as its start, an author's bio as its end,
lynx reference lists whose targets hold spaces."""

from __future__ import annotations

from tests.stories import STORY
from tui.ingest.text import clean_dump
from tui.ingest.text_cards import spaced_cards

HEADLINE = "Lakeview Council Votes To Close The Harbour Bridge For A Year"
TEASERS = [
    "Storm Knocks Out Power Across The North Shore Thousands of homes lost power overnight as "
    "winds reached ninety kilometres an hour, and crews expect to need most of the day.",
    "The 5 Best Bakeries In Lakeview We counted the reviews to find the top bakeries in town, "
    "from sourdough specialists to a corner shop that has sold the same rye since 1952.",
    "Ferry Fares Rise Again For Commuters The harbour ferry will cost fifty cents more from "
    "April, the operator said, citing fuel prices and the longer crossings of recent months.",
]


# Cards of other stories under the site's header, as a page closes on them.
CLOSING_CARDS = [
    "More from the Lakeview Daily",
    "Storm knocks out power across the North Shore",
    "Thousands of homes lost power overnight as winds reached ninety kilometres an hour.",
    "The best bakeries in Lakeview",
    "We counted the reviews to find the top bakeries in town, from sourdough to rye.",
    "School board weighs later start times",
    "Parents and teachers packed the meeting to argue over a later first bell at the high school.",
]


def test_the_story_starts_at_the_page_titles_headline_not_at_teasers_above_it() -> None:
    menu = ["Menu", "News", "Weather", "Sports", "Local", "Video", "Contact"]
    top = [f"{HEADLINE} – Lakeview Daily", *menu, *TEASERS, *menu, HEADLINE, "March 3, 2025"]
    dump = "\n".join([*top, *STORY, "Follow Us", "Facebook", "Twitter"])
    ex = clean_dump(dump)
    assert ex.paragraphs[-len(STORY) :] == STORY
    assert not any(t[:20] in p for p in ex.paragraphs for t in TEASERS)
    assert ex.source == "Lakeview Daily"


def test_an_authors_bio_after_the_story_ends_it() -> None:
    after = [
        "Dana Whitfield is a freelance writer living in Lakeview who covers city hall.",
        "Want more stories like this? Every day we send an email with the top stories.",
        *TEASERS,
    ]
    ex = clean_dump("\n\n".join(["Home", "News", HEADLINE, *STORY, *after]))
    assert ex.paragraphs[-1] == STORY[-1]


def test_a_bio_that_says_what_the_writer_covers_for_the_paper_ends_the_story() -> None:
    bio = (
        "Dana Whitfield covers arts and culture for the Lakeview Daily. She previously worked at "
        "the Rockport Gazette and lives in Eastfield with her two cats."
    )
    comments = ["Comments (2)", "Marge T. — The bridge has needed work for years, glad to see it."]
    ex = clean_dump("\n\n".join(["Home", "News", HEADLINE, *STORY, bio, *comments]))
    assert ex.paragraphs[-1] == STORY[-1]


def test_a_bio_inside_the_story_stays() -> None:
    quoted = "Dana Whitfield is a retired engineer who has crossed the bridge every day since 1979."
    story = [*STORY[:2], quoted, *STORY[2:]]
    ex = clean_dump("\n\n".join(["Home", "News", HEADLINE, *story]))
    assert quoted in ex.paragraphs


def test_lynx_marks_go_even_when_a_reference_target_holds_spaces() -> None:
    body = [f"   [{i + 1}]{p}" for i, p in enumerate(STORY)]
    refs = [
        "References",
        "",
        "   1. https://lakeview.example/a",
        "   2. https://lakeview.example/b?utm_campaign=Footer Credit",
        "   3. javascript:share( 'x' );",
        "   4. https://lakeview.example/d",
        "   5. https://lakeview.example/e",
    ]
    ex = clean_dump("\n\n".join([HEADLINE, *body]) + "\n\n" + "\n".join(refs))
    assert ex.paragraphs[-len(STORY) :] == STORY  # no "[n]" left in the words
    assert {link.url for link in ex.links} >= {"https://lakeview.example/e"}


def test_lynx_frame_and_button_marks_inside_the_story_go() -> None:
    marks = ["IFRAME: https://video.lakeview.example/embed/bridge-vote", "(BUTTON) Play video"]
    ex = clean_dump("\n\n".join([HEADLINE, *STORY[:2], *marks, *STORY[2:]]))
    assert ex.paragraphs == STORY


def test_a_wire_storys_section_break_between_its_parts_stays() -> None:
    parts = [*STORY[:3], "___", "WHAT COMES NEXT?", *STORY[3:]]
    menu = ["Home", "News", "Sports", "Sign In", "Subscribe"]
    footer = ["Most Popular", "Privacy Policy", "Terms of Use", "© 2025 Lakeview Daily"]
    ex = clean_dump("\n\n".join([*menu, HEADLINE, *parts, *footer]))
    assert ex.paragraphs == parts


def test_a_teasers_summary_cut_short_with_dots_inside_the_story_goes() -> None:
    box = [
        "See also",
        "Second Lakeview Bridge Shut After Inspectors Find Cracks In Its Deck",
        "Inspectors closed the Mill Street bridge on Friday after finding,...",
    ]
    menu = ["Home", "News", "Sports", "Sign In", "Subscribe"]
    footer = ["Most Popular", "Privacy Policy", "Terms of Use", "© 2025 Lakeview Daily"]
    ex = clean_dump("\n\n".join([*menu, HEADLINE, *STORY[:2], *box, *STORY[2:], *footer]))
    assert ex.paragraphs == STORY


def test_the_headlines_summary_above_the_byline_is_not_story() -> None:
    menu = ["Home", "News", "Sports", "Sign In", "Subscribe"]
    dek = "Commuters face a year of detours as the city shuts its oldest crossing for repairs."
    top = [*menu, HEADLINE, dek, "By Jo Marsh", "Staff Writer", "March 3, 2025"]
    footer = ["Most Popular", "Privacy Policy", "Terms of Use", "© 2025 Lakeview Daily"]
    ex = clean_dump("\n\n".join([*top, *STORY, *footer]))
    assert ex.paragraphs == STORY
    assert ex.author == "Jo Marsh"


def test_a_short_sentence_opening_on_by_near_the_top_is_no_byline() -> None:
    menu = ["Home", "News", "Sports", "Sign In", "Subscribe"]
    lede = "The harbour bridge closed at dawn on Monday after the council vote."
    story = [lede, "By Tuesday Evening the detours were full.", *STORY]
    ex = clean_dump("\n\n".join([*menu, HEADLINE, *story, "Privacy Policy", "Terms of Use"]))
    assert ex.paragraphs == story


def test_a_video_players_end_card_inside_the_story_goes() -> None:
    player = ["Thanks for watching! Visit Website"]
    menu = ["Home", "News", "Sports", "Sign In", "Subscribe"]
    footer = ["Most Popular", "Privacy Policy", "Terms of Use", "© 2025 Lakeview Daily"]
    ex = clean_dump("\n\n".join([*menu, HEADLINE, *STORY[:2], *player, *STORY[2:], *footer]))
    assert ex.paragraphs == STORY


def test_a_headline_asking_a_question_is_not_the_storys_first_paragraph() -> None:
    question = "Will the harbour bridge close for a whole year? The council votes today"
    menu = ["Home", "News", "Sports", "Sign In", "Subscribe", *TEASERS]
    footer = ["Most Popular", "Privacy Policy", "Terms of Use", "© 2025 Lakeview Daily"]
    top = [f"{question}? - Lakeview Daily", *menu, f"{question}?"]
    ex = clean_dump("\n\n".join([*top, *STORY, *footer]))
    assert ex.paragraphs == STORY


def test_lynx_marks_go_after_a_share_link_whose_target_runs_over_lines() -> None:
    body = [f"   [{i + 3}]{p}" for i, p in enumerate(STORY)]
    refs = [
        "References",
        "",
        "   1. https://lakeview.example/",
        "   2. mailto:?body=Lakeview council votes to close the harbour bridge",
        "",
        "https://lakeview.example/news/bridge",
        "",
        *[f"   {i + 3}. https://lakeview.example/p{i}" for i in range(len(STORY))],
    ]
    top = ["   [1]Lakeview Daily [2]Email", HEADLINE]
    ex = clean_dump("\n\n".join([*top, *body]) + "\n\n" + "\n".join(refs))
    assert ex.paragraphs[-len(STORY) :] == STORY


def test_a_long_first_paragraph_naming_a_share_button_is_story() -> None:
    lede = (
        "Welcome to our weekly roundup of the harbour works, where we gather what the council, "
        "the engineers and the ferry operator said this week; follow us for the daily updates. "
        "The bridge closes on Monday, the ferries run every twenty minutes from the north pier, "
        "and the detour signs go up on the ring road over the weekend."
    )
    menu = ["Home", "News", "Sports", "Sign In", "Subscribe"]
    footer = ["Most Popular", "Privacy Policy", "Terms of Use", "© 2025 Lakeview Daily"]
    ex = clean_dump("\n\n".join([*menu, HEADLINE, lede, *STORY, *footer]))
    assert ex.paragraphs == [lede, *STORY]


def test_an_images_label_written_twice_inside_the_story_goes() -> None:
    label = "The harbour ferry at the north pier"
    images = [f"{label} {label}", f"{label} 2 {label} Photo: Lakeview Daily"]
    menu = ["Home", "News", "Sports", "Sign In", "Subscribe"]
    footer = ["Most Popular", "Privacy Policy", "Terms of Use", "© 2025 Lakeview Daily"]
    story = [*STORY[:2], images[0], "What changes for drivers:", images[1], *STORY[2:]]
    ex = clean_dump("\n\n".join([*menu, HEADLINE, *story, *footer]))
    assert ex.paragraphs == [*STORY[:2], "What changes for drivers:", *STORY[2:]]


def test_a_sidebars_categories_with_their_post_counts_are_not_story() -> None:
    sidebar = ["Categories", "* City Hall (42)", "* Harbour (7)", "* Ferries (12)", "* Roads (3)"]
    sidebar += ["* Uncategorized (51)", "* Weather (19)", "* Schools (8)", "* Sports (30)"]
    menu = ["Home", "News", "Sports", "Sign In", "Subscribe"]
    dump = "\n".join([*menu, HEADLINE, *STORY, *sidebar, "Privacy Policy"])
    assert clean_dump(dump).paragraphs == STORY


def test_teaser_cards_with_their_headline_twice_go_from_a_flattened_page() -> None:
    menu = "Home News Weather Sports Local Video Contact Us Sign In Subscribe " * 20
    cards = [
        "Ferry fares rise again for commuters on the north shore Ferry fares rise again for "
        "commuters on the north shore The operator said on Monday that fuel prices and longer "
        "crossings had pushed its costs up.",
        "Lakeview schools add two snow days to the calendar Lakeview schools add two snow days "
        "to the calendar The school board voted to add the days after a winter that closed "
        "classes five times.",
    ]
    story = [*STORY, *cards]
    page = " ".join([menu + HEADLINE + ".", *story, "Privacy Policy Terms of Use " * 10])
    paragraphs = clean_dump(page).paragraphs
    assert paragraphs[-1] == STORY[-1]
    assert not any("fares" in p or "snow days" in p for p in paragraphs)


def test_a_bracketed_related_link_inside_the_story_goes() -> None:
    related = "[Related: Ferry Operator Plans Extra Crossings During The Bridge Works ]"
    menu = ["Home", "News", "Sports", "Sign In", "Subscribe"]
    footer = ["Most Popular", "Privacy Policy", "Terms of Use", "© 2025 Lakeview Daily"]
    ex = clean_dump("\n\n".join([*menu, HEADLINE, *STORY[:2], related, *STORY[2:], *footer]))
    assert ex.paragraphs == STORY


def test_company_boilerplate_and_a_writers_address_after_the_story_are_not_story() -> None:
    after = [
        "Dana Whitfield has reported on city hall for the Lakeview Daily since 2015. Reach her at "
        "dana@example.com.",
        "About Harbourline Media: Harbourline Media Group, Inc. (NASDAQ: HBLM) is a leading local "
        "media company with 48 daily newspapers and more than 200 weekly titles.",
        "The Lakeview Daily is part of Harbourline Media Group, a family-owned publisher of "
        "community newspapers that has served readers since 1952.",
    ]
    ex = clean_dump("\n\n".join(["Home", "News", HEADLINE, *STORY, *after, "Privacy Policy"]))
    assert ex.paragraphs[-1] == STORY[-1]


def test_cards_of_other_stories_inside_and_after_the_story_are_not_story() -> None:
    card = "Ferry fares rise again for commuters"
    summary = (
        "The harbour ferry will cost fifty cents more from April, the operator said, citing fuel "
        "prices and the longer crossings of recent months."
    )
    inline = ["Business", card, "Business", card, summary]  # the headline twice, then its summary
    story = [*STORY, *STORY[1:]]  # a story long enough that three cards are a small part of it
    page = [
        "Home",
        "News",
        HEADLINE,
        *story[:3],
        *inline,
        *story[3:],
        *CLOSING_CARDS,
        "Privacy Policy",
    ]
    ex = clean_dump("\n\n".join(page))
    assert summary not in ex.paragraphs
    assert ex.paragraphs[-1] == story[-1]
    assert story[3] in ex.paragraphs


def test_an_interview_s_questions_and_answers_are_not_taken_for_cards() -> None:
    turns = [
        "Q: What drew you to the harbour",
        "A: My grandfather ran the ferry for thirty years and I grew up on the water every summer.",
        "Q: What will change first",
        "A: The timetable, because commuters told us they need a boat every twenty minutes at peak.",
    ]
    menu = ["Menu", "News", "Weather", "Sports", "Local", "Video", "Contact"]
    ex = clean_dump("\n\n".join([*menu, HEADLINE, *STORY, *turns, "Follow Us", "Facebook"]))
    assert ex.paragraphs[-len(turns) :] == turns


def test_cards_written_on_one_line_are_found_where_several_come_together() -> None:
    cards = [
        "The 4 Best Bakeries In Lakeview Right Now We counted the reviews to find the top "
        "bakeries in town, from sourdough to rye.",
        "Ferry Fares Rise Again For Harbour Commuters The harbour ferry will cost fifty cents "
        "more from April, the operator said.",
        "Storm Knocks Out Power Across The North Shore Thousands of homes lost power overnight "
        "as winds reached ninety kilometres an hour.",
        "School Board Weighs Later Start Times For Teens Parents and teachers packed the meeting "
        "to argue over a later first bell.",
    ]
    named = (
        "United Harbour Workers Union President Dana Whitfield said the union would accept the "
        "new ferry timetable for the length of the works."
    )
    lines = [*STORY[:2], named, *STORY[2:], "Autos", *cards[:2], "Local", *cards[2:]]
    first = len(STORY) + 2
    assert spaced_cards(lines) == {first, first + 1, first + 3, first + 4}
    # one line opening on a long name is a sentence of the story, and so are three cards alone
    assert spaced_cards([*STORY, named]) == set()
    assert spaced_cards([*STORY, *cards[:3]]) == set()


def test_a_flattened_page_s_story_starts_at_its_wire_dateline() -> None:
    top = (
        "Lakeview Daily Skip to main content Menu National News Local News Sports Obits E-Edition "
        "Nov. 20, 2019 6:02 AM EST Council closes the harbour bridge By DANA WHITFIELD "
        "Associated Press"
    )
    lead = "LAKEVIEW (AP) — " + STORY[0]
    page = " ".join([top, lead, *STORY[1:]]) + " Privacy Policy Terms of Use Contact Us"
    ex = clean_dump(page)
    assert ex.paragraphs[0].startswith("LAKEVIEW (AP) — The city council of Lakeview voted")
    assert not any("Skip to main content" in p for p in ex.paragraphs)


def test_a_page_flattened_into_one_long_line_is_read_sentence_by_sentence() -> None:
    menu = "Front Page News Local Sports Weather Obituaries Opinion Business Video Subscribe Log In"
    story = [*STORY, *STORY[1:4]]
    page = " ".join([menu, HEADLINE, *story, "Privacy Policy Terms of Use Contact Us"])
    assert 1500 < len(page) < 2500  # longer than a paragraph, shorter than a whole page
    ex = clean_dump(page)
    assert STORY[2] in ex.paragraphs
    assert not any("Obituaries" in p for p in ex.paragraphs)


def test_cards_under_the_site_s_header_end_even_a_short_story() -> None:
    menu = ["Menu", "News", "Weather", "Sports", "Local", "Video", "Contact"]
    ex = clean_dump("\n\n".join([*menu, HEADLINE, *STORY[:2], *CLOSING_CARDS, "Privacy Policy"]))
    assert ex.paragraphs[-1] == STORY[1]


def test_a_short_closing_sentence_above_the_pages_furniture_stays() -> None:
    more = [
        "Engineers found corrosion in four of the bridge's twelve cables last autumn, and a "
        "second inspection in January showed the damage had spread to a fifth cable near the "
        "southern tower, the council's report said.",
        "Ferry operators have agreed to add early sailings while the bridge is closed, and the "
        "council will pay for a shuttle bus between the terminal and the hospital for staff "
        "who start before dawn.",
        "Shop owners on the north side say they fear losing customers for the whole year, and "
        "several asked the council to waive parking fees on Harbour Street until the work ends.",
    ]
    closing = "The bridge will not reopen soon. Nobody expects it to."
    furniture = ["Tags: bridges, council, harbour", "Share this:", "Twitter", "Facebook"]
    furniture += ["Reddit", "Email", "Hacker News", "Like this:", "Related Posts"]
    # a long summary of another story, which the run reaches across the buttons to
    furniture += [
        "Next Post: Ferry fares rise again for commuters as the harbour operator cites fuel "
        "prices, the longer crossings of recent months and a shortage of trained deckhands "
        "that has forced it to cancel two of its early sailings this winter."
    ]
    ex = clean_dump("\n\n".join([HEADLINE, *STORY, *more, closing, *furniture]))
    assert ex.paragraphs[-1] == closing
    assert ex.paragraphs[-4:-1] == more


def test_a_text_alert_promos_fine_print_inside_the_story_goes() -> None:
    promo = [
        "Get storm alerts by text",
        "Message and data rates may apply. Text STOP to cancel.",
        "Refresh for latest updates",
    ]
    dump = "\n\n".join([HEADLINE, *STORY[:3], *promo, *STORY[3:], "Privacy Policy"])
    ex = clean_dump(dump)
    assert ex.paragraphs[-len(STORY) :] == STORY
    assert not any("data rates" in p or "Refresh" in p for p in ex.paragraphs)
