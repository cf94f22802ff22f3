"""Dump cleaning of stories in less usual shapes: a headline repeated by a photo gallery inside the
story, name-heavy listing paragraphs, lists and trailing furniture that reads like prose."""

from __future__ import annotations

import textwrap

from tests.stories import STORY
from tui.ingest.text import clean_dump
from tui.ingest.text_lines import Line, dump_lines
from tui.ingest.text_score import score_lines

HEADLINE = "Lakeview Council Votes To Close The Harbour Bridge For A Year"
MENU = ["Home", "News", "Weather", "Sports", "Local", "Video", "Contact Us", "Sign In"]
FOOTER = ["Most Popular", "Privacy Policy", "Terms of Use", "© 2025 Lakeview Daily"]


def test_a_gallery_repeating_the_headline_inside_the_story_does_not_start_it() -> None:
    gallery = ["Image 1 of 3", "Close", HEADLINE, "1 / 3", "Back to Gallery"]
    top = [f"{HEADLINE} - Lakeview Daily", *MENU, HEADLINE, "By Jo Marsh"]
    dump = "\n".join([*top, *STORY[:2], *gallery, *STORY[2:], *FOOTER])
    paragraphs = clean_dump(dump).paragraphs
    assert paragraphs[:2] == STORY[:2]
    assert paragraphs[-3:] == STORY[2:]


LISTING = (
    "VISIT the Lakeview Harbour Regatta, June 4–6, at Pier 9 in Lakeview, ON. Skipper briefings "
    "Friday, June 3; sunset parade of sail Saturday, June 5; trophy dinner Sunday, June 6, "
    "Boathouse Hall. Tickets $25; regatta.example.org."
)


def test_a_long_listing_paragraph_with_few_stopwords_is_story() -> None:
    scored = score_lines([*map(Line, STORY), Line(LISTING)])
    assert scored[-1].verdict == "good"


def test_a_promo_in_the_sites_voice_after_the_story_ends_it() -> None:
    promo = (
        "Curious about the waterfront? Join our readers' forum to keep talking about the bridge, "
        "the ferry and everything else happening along the harbour this year!"
    )
    plug = "Get harbour news and the latest ferry times every Friday, with photos sent by readers."
    dump = "\n".join([*MENU, HEADLINE, *STORY, promo, plug, *FOOTER])
    assert clean_dump(dump).paragraphs[-1] == STORY[-1]


def test_a_quoted_site_voice_inside_the_story_stays() -> None:
    quote = (
        "“Join our campaign and write to the council before the vote,” the harbour traders' "
        "association told its members in a letter sent on Monday morning."
    )
    story = [*STORY[:4], quote, *STORY[4:]]
    dump = "\n".join([*MENU, HEADLINE, *story, *FOOTER])
    assert quote in clean_dump(dump).paragraphs


# Teaser cards after a story: a kicker, a headline, a tag line and a one-sentence summary each.
TEASER_CARDS = [
    line
    for kicker, headline, summary in [
        (
            "ROUGH WATER",
            "Why The Ferry Keeps Running Late",
            "The harbour ferry has left on time on only four days this month, and the operator "
            "says the new timetable is to blame rather than the weather or the crews.",
        ),
        (
            "SWEET THING",
            "A Bakery That Has Sold The Same Rye Since 1952",
            "Three generations of one family have baked the loaf every morning at four, and the "
            "queue outside on Saturdays now stretches past the post office and the bank.",
        ),
        (
            "NIGHT SHIFT",
            "What The Lighthouse Keeper Sees",
            "She has watched the harbour from the old tower for twenty years and keeps a log of "
            "every ship, every storm and every lost tourist who knocks on her door at night.",
        ),
        (
            "MONEY TALKS",
            "The Parking Fees Nobody Voted For",
            "Drivers in the old town have paid twice as much since the spring, and the council "
            "says the rise was decided by a committee that met only once behind closed doors.",
        ),
    ]
    for line in (kicker, headline, "Local News", summary)
]


def test_an_authors_bio_before_a_sign_up_prompt_ends_the_story_before_teaser_cards() -> None:
    bio = "Dana Whitfield is a freelance writer living in Lakeview."
    tail = [bio, "Want more stories like this?", "Subscribe", *TEASER_CARDS, *FOOTER]
    dump = "\n".join([*MENU, HEADLINE, *STORY, *tail])
    assert clean_dump(dump).paragraphs[-1] == STORY[-1]


def test_teaser_cards_glued_to_their_summaries_are_not_story() -> None:
    glued = [
        "Ferry Delays Anger Harbour CommutersThe harbour ferry has left on time on only four days "
        "this month, and the operator blames the new timetable rather than the crews.",
        "Lakeview Bakery Turns Seventy Next WeekThree generations of one family have baked the same "
        "rye loaf every morning at four since the shop first opened in 1955.",
        "Lighthouse Keeper Logs Twenty Years Of StormsShe has watched the harbour from the old "
        "tower since 2005 and keeps a note of every ship that passes in the night.",
    ]
    dump = "\n".join([*MENU, *glued, "Weather", "Traffic", *STORY, *FOOTER])
    paragraphs = clean_dump(dump).paragraphs
    assert not any("Commuters" in p or "Lighthouse" in p for p in paragraphs)
    assert paragraphs[-5:] == STORY


def test_a_brand_written_in_camel_case_leaves_a_story_line_alone() -> None:
    line = Line(
        "Harbour Authority chief Dana Whitfield said the PlayBook booking app would let "
        "passengers reserve a seat on the ferry a week ahead."
    )
    scored = score_lines([*map(Line, STORY), line])
    assert scored[-1].verdict == "good"


def test_a_story_that_ends_on_how_to_sign_up_for_a_service_keeps_its_end() -> None:
    deal = [
        "The ferry pass is the better deal for anyone crossing more than twice a week, and the "
        "operator says the price will hold until the bridge opens again in 2026.",
        "If you cross every day, sign up for the monthly pass on the operator's website; it costs "
        "$45, covers the buses on both sides of the harbour as well, and can be paused for a "
        "month at a time when you travel.",
        "Passengers who sign up before the end of March get the first week for nothing, the "
        "operator said, which lets commuters test the new timetable and the longer crossing "
        "before they commit to paying for a whole month.",
        "The operator expects about four thousand regular passengers by the summer.",
    ]
    dump = "\n".join([*MENU, HEADLINE, *STORY, *deal, *FOOTER])
    assert clean_dump(dump).paragraphs[-4:] == deal


def test_a_bio_across_a_stretch_of_buttons_after_the_story_is_not_story() -> None:
    more = [
        "Bus operators said they would add extra services on the two longest detours from the "
        "first week of the closure, and the ferry will run later into the evening on weekdays.",
        "The council also voted to freeze parking fees near the ferry terminal until the bridge "
        "reopens, a measure that shop owners on the harbour front had asked for since January.",
        "A public meeting on the detours is planned for next month at the old town library, where "
        "engineers will show the repair plans and answer questions from residents and traders.",
    ]
    bio = (
        "Award-winning reporter Dana Whitfield has covered the harbour, the council and the long "
        "fight over the bridge for the Lakeview Daily since 2009, after a decade at newspapers "
        "up and down the coast."
    )
    buttons = ["Newsletter", "Subscribe", "Follow Us", "Twitter", "Facebook", "Email"]
    dump = "\n".join([*MENU, HEADLINE, *STORY, *more, *buttons, bio, *FOOTER])
    assert clean_dump(dump).paragraphs[-1] == more[-1]


def test_a_clean_dump_ending_on_an_authors_bio_loses_the_bio() -> None:
    bio = "Dana Whitfield is a staff reporter at the Lakeview Daily and covers the waterfront."
    note = "Letters about this story are welcome and will be read by the editors this week."
    ex = clean_dump("\n\n".join([*STORY, bio, note]))
    assert ex.paragraphs == STORY


def test_a_comment_thread_of_stamped_replies_after_the_story_is_not_story() -> None:
    replies = [
        "Jo Marsh March 3, 2025 at 7:07 pm Thank you for covering the bridge so carefully all "
        "these months, it is the only reporting on it that I trust at all.",
        "Sam Okoro March 3, 2025 at 8:15 pm I have crossed it every day for twenty years and I "
        "will miss it, but the engineers are right and the council had no choice.",
        "Jo Marsh March 4, 2025 at 9:02 am That is fair, and the ferry will be a nice change for "
        "a year, as long as it actually runs on time this winter.",
    ]
    dump = "\n".join([*MENU, HEADLINE, *STORY, *replies, *FOOTER])
    assert clean_dump(dump).paragraphs[-1] == STORY[-1]


def test_a_photo_gallerys_labels_inside_the_story_are_not_story() -> None:
    gallery = ["Image 1 of 6", "Mayor Ana Ruiz on the harbour bridge.", "1 / 6", "Back to Gallery"]
    dump = "\n".join([*MENU, HEADLINE, *STORY[:3], *gallery, *STORY[3:], *FOOTER])
    paragraphs = clean_dump(dump).paragraphs
    assert not {"Image 1 of 6", "1 / 6", "Back to Gallery"} & set(paragraphs)
    assert paragraphs[-2:] == STORY[3:]


def test_a_caption_run_straight_into_its_credit_is_a_caption() -> None:
    caption = "Commuters cross the old harbour bridge in Lakeview on Monday morning"
    dump = "\n".join([*MENU, HEADLINE, STORY[0], f"{caption}Credit: Jo Marsh", *STORY[1:], *FOOTER])
    ex = clean_dump(dump)
    assert ex.paragraphs == STORY
    assert [(c.text, c.credit) for c in ex.captions] == [(caption, "Credit: Jo Marsh")]


def test_the_items_of_a_list_a_story_line_opens_with_a_colon_are_story() -> None:
    lead = "The council listed what the year of works will change for the town's drivers:"
    items = ["Buses take the north road", "Lorries use the ring road", "Taxis keep the old lane"]
    dump = "\n".join([*MENU, HEADLINE, STORY[0], lead, *items, "Advertisement", *STORY[1:]])
    assert clean_dump(dump + "\n" + "\n".join(FOOTER)).paragraphs == [
        STORY[0],
        lead,
        *items,
        *STORY[1:],
    ]


def test_teaser_headlines_that_read_as_sentences_after_most_read_are_not_story() -> None:
    teasers = [
        "HARBOUR HERO",
        "Fisherman who pulled two children from the harbour says he ‘would do it all again tomorrow’",
        "NIGHT OWL",
        "Lighthouse keeper who kept a log of every ship for twenty years ‘will not retire quietly’",
        "SWEET SUCCESS",
        "A bakery that has sold the same rye loaf since 1952 is finally expanding",
    ]
    dump = "\n".join([*MENU, HEADLINE, *STORY, "Most read in local news", *teasers, *FOOTER])
    assert clean_dump(dump).paragraphs[-1] == STORY[-1]


def test_lynxs_image_file_names_are_not_text() -> None:
    image = "[harbour-bridge-2025.jpg?width=640&amp;fit=bounds]"
    story = [STORY[0], image, f"{image} {STORY[1]}", *STORY[2:]]
    dump = "\n\n".join(["Lakeview Daily", "Home", "News", HEADLINE, *story])
    paragraphs = clean_dump(dump).paragraphs
    assert paragraphs[-5:] == STORY


def test_lynx_gallery_captions_each_ending_on_a_credit_stay_apart() -> None:
    story = "\n\n".join(
        textwrap.fill(p, 76, initial_indent="   ", subsequent_indent="   ") for p in STORY
    )
    captions = [
        "   [3]Mayor Ana Ruiz walks across the old harbour bridge in Lakeview on",
        "   Monday, March 3, 2025, before the vote to close it. (Jo Marsh/Lakeview Daily)",
        "   [4]Engineers inspect the steel supports under the harbour bridge in",
        "   Lakeview on Monday, March 3, 2025, a day before the vote. (Jo Marsh/Lakeview Daily)",
    ]
    refs = "References\n\n   3. https://a.example/3\n   4. https://a.example/4\n"
    lines = dump_lines("\n\n".join([story, "\n".join(captions), refs]))
    texts = [line.text for line in lines]
    assert any(t.startswith("Mayor Ana Ruiz") and t.endswith("Daily)") for t in texts)
    assert any(t.startswith("Engineers inspect") for t in texts)


def test_a_schedules_entries_full_of_names_are_story() -> None:
    entries = [
        "* 6 p.m. — The Lakeview Community Band and Youth Choir, Main Stage",
        "* 7:30 p.m. — Headliner: The Harbour Lights Revue With Special Guests, Main Stage",
        "* 9 p.m. — Lantern Parade From Pier Three To The Old Lighthouse",
        "* 10 p.m. — Fireworks over the outer harbour",
    ]
    lead = "Saturday, June 14"  # a heading, not a sentence that opens a list
    schedule = [lead, *entries[:2], "Advertisement", *entries[2:]]  # an ad inside the listing
    dump = "\n".join([*MENU, HEADLINE, *STORY[:2], *schedule, *STORY[2:], *FOOTER])
    paragraphs = clean_dump(dump).paragraphs
    assert [e[2:] for e in entries] == [p for p in paragraphs if "p.m. —" in p]
    assert paragraphs[-len(STORY[2:]) :] == STORY[2:]
