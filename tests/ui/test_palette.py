"""The readable theme colours (`tui.app.palette`): the theme's own where they read, moved as little
as needed where they do not, the same variables on every theme."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from tui.app.palette import (
    ANSI_LIGHT_VARIABLES,
    ANSI_VARIABLES,
    DECORATION,
    TEXT,
    badge,
    contrast,
    readable,
    readable_variables,
    theme_variables,
)

DARK = Color.parse("#1e1e1e")
LIGHT = Color.parse("#d8d8d8")


def variables_of(name: str) -> dict[str, str]:
    theme = BUILTIN_THEMES[name]
    return {**theme.to_color_system().generate(), **theme.variables}


def test_a_colour_that_reads_is_left_as_the_theme_has_it() -> None:
    orange = Color.parse("#ffa62b")
    assert contrast(orange, DARK) > TEXT
    assert readable(orange, [DARK], TEXT) == orange


def test_a_colour_that_does_not_read_moves_just_past_the_ratio_keeping_its_hue() -> None:
    orange = Color.parse("#ffa62b")
    moved = readable(orange, [LIGHT], TEXT)
    assert TEXT <= contrast(moved, LIGHT) < TEXT + 0.5  # darkened, not sent to black
    assert moved.r > moved.g > moved.b  # still an orange (a brown), not a grey


def test_a_colour_reads_on_every_background_it_is_given() -> None:
    blue = Color.parse("#0178d4")
    backgrounds = [DARK, Color.parse("#2b3f52"), Color.parse("#3a2f1e")]
    moved = readable(blue, backgrounds, TEXT)
    assert all(contrast(moved, background) >= TEXT for background in backgrounds)


def test_a_badge_keeps_the_theme_s_side_white_text_on_textual_dark_s_blue_bar() -> None:
    background, text = badge(Color.parse("#0178d4"), DARK, Color.parse("#dddddd"))
    assert text == Color(255, 255, 255)
    assert contrast(text, background) >= TEXT
    assert contrast(background, Color.parse("#0178d4")) < 1.2  # nearly the same blue


def test_the_default_theme_keeps_its_text_colours() -> None:
    ours = readable_variables(variables_of("textual-dark"))
    assert ours["foreground"] == "#E0E0E0"
    # "auto 60%" on its surface is #A5A5A5; lifted a shade for the palette's cursor row.
    assert contrast(Color.parse(ours["text-muted"]), Color.parse("#A5A5A5")) < 1.05
    assert ours["entity-person"] == "#FEA62B"  # its warning orange


@pytest.mark.parametrize("name", sorted(BUILTIN_THEMES))
def test_every_theme_defines_the_same_variables(name: str) -> None:
    """app.tcss uses each of these: a theme lacking one would not even load its CSS."""
    truecolor = set(readable_variables(variables_of("textual-dark")))
    theme = BUILTIN_THEMES[name]
    defined = set(theme_variables(variables_of(name), ansi=theme.ansi, dark=theme.dark))
    textual = set(variables_of(name))
    assert truecolor - textual <= defined


def test_the_ansi_sets_name_the_same_variables() -> None:
    assert set(ANSI_VARIABLES) <= set(ANSI_LIGHT_VARIABLES)


@pytest.mark.parametrize("name", [n for n, t in sorted(BUILTIN_THEMES.items()) if not t.ansi])
def test_lines_and_marks_reach_three_to_one_on_the_panes(name: str) -> None:
    ours = readable_variables(variables_of(name))
    surface = Color.parse(variables_of(name)["surface"])
    for variable in ("rule", "border", "border-blurred", "mark-accent", "mark-warning"):
        assert contrast(Color.parse(ours[variable]), surface) >= DECORATION, variable
