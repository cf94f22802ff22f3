"""The current theme's colours made readable: each text colour lightened or darkened, hue kept, just
enough to reach WCAG contrast on every background it is drawn on.

Why: Textual's themes choose colours for a look, not for contrast. On textual-light the cursor row,
the footer keys and `$text-accent` fall far below 4.5:1; on most themes `$primary` as text, the
inactive tab and the pane borders do. `NewsApp.get_css_variables` passes the theme's variables
through `readable_variables` on every theme change, so app.tcss (and Textual's own widgets, which
read the same variables) draw readable colours on any theme: Textual's text variables are replaced
by readable versions of themselves, and newstui's own (`$entity-*`, `$rule`, `$match-*` …) are
derived from the theme's. A colour that already reaches its ratio is left as the theme has it.

Cheap: some forty colours, most already readable, the others found in a few Lab steps; about a
millisecond per theme, computed once per theme (`NewsApp` keeps them).
ANSI themes take their colours from the terminal's palette, which no ratio can be computed for:
they get ANSI colours chosen to read in the palettes Textual assumes (`ANSI_VARIABLES`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.color import BLACK, WHITE, Color

TEXT = 4.5
"""WCAG AA for text."""
DECORATION = 3.0
"""WCAG AA for graphical objects: borders, rules, bars, scrollbars, marks."""
MARGIN = 1.04
"""Aim a little above the ratio: colours are rounded to whole RGB values when drawn."""
STEP = 0.02
"""One step of Lab lightness (2 of 100) when moving a colour away from its backgrounds."""

# newstui's entity tints: the theme colour each type starts from (a blend for the fifth hue,
# since a theme has only four: blue, orange, red and green on textual-dark).
ENTITY_TINTS = {
    "entity-person": ("warning", None),
    "entity-organization": ("primary", None),
    "entity-place": ("success", None),
    "entity-group": ("primary", "error"),
    "entity-event": ("error", None),
}


def luminance(color: Color) -> float:
    """WCAG relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def ratio_of(a: float, b: float) -> float:
    """WCAG contrast ratio of two luminances."""
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio of two opaque colours, 1 to 21."""
    return ratio_of(luminance(a), luminance(b))


def readable(color: Color, backgrounds: Sequence[Color], ratio: float) -> Color:
    """`color` lightened or darkened in Lab (hue kept), whichever needs the smaller change, until it
    reaches `ratio` against every background; black or white, the better, if neither does."""
    target = ratio * MARGIN
    lums = [luminance(background) for background in backgrounds]

    def passes(candidate: Color) -> bool:
        own = luminance(candidate)
        return all(ratio_of(own, lum) >= target for lum in lums)

    color = backgrounds[0] + color  # an alpha colour shows blended over what is under it
    if passes(color):
        return color
    best: tuple[float, Color] | None = None
    for direction in (1.0, -1.0):
        if not passes(color.lighten(direction)):
            continue  # not even white (or black) is enough this way
        low, high = 0.0, 1.0  # `high` passes: halve the gap to within a Lab step
        while high - low > STEP / 2:
            middle = (low + high) / 2
            if passes(color.lighten(direction * middle)):
                high = middle
            else:
                low = middle
        if best is None or high < best[0]:
            best = (high, color.lighten(direction * high))
    if best is not None:
        return best[1]
    return max((WHITE, BLACK), key=lambda end: min(ratio_of(luminance(end), lum) for lum in lums))


def badge(
    background: Color, under: Color, text: Color | None = None, ratio: float = TEXT
) -> tuple[Color, Color]:
    """A background and a text colour for a filled mark (the cursor row, a current match).

    The theme's `text` (else the black or white Textual picks for the background) when it reads;
    otherwise pure white or black on the same side, and the background moved away from it as
    little as needed: the mark keeps its look (textual-dark's blue bar, light text).
    """
    background = under + background
    text = background + (text or background.get_contrast_text(1.0))
    if contrast(text, background) >= ratio * MARGIN:
        return background, text
    end = WHITE if luminance(text) > luminance(background) else BLACK
    return readable(background, [end], ratio), end


def _color(variables: Mapping[str, str], name: str, under: Color | None = None) -> Color:
    """A theme variable as a colour, laid over `under` when given (alpha and "auto" resolved)."""
    value = variables[name].strip()
    if value.startswith("auto"):  # "auto 87%": black or white, whichever reads on the background
        assert under is not None
        percent = value.removeprefix("auto").strip().rstrip("%")
        return under + under.get_contrast_text(float(percent) / 100 if percent else 1.0)
    color = Color.parse(value)
    return color if under is None else under + color


def readable_variables(variables: Mapping[str, str]) -> dict[str, str]:
    """Readable versions of the theme's text, mark and cursor colours, plus newstui's own.

    Each colour is measured against the backgrounds it is drawn on (the panes' `$surface` for
    all; the header and footer's `$panel`, toasts, a side panel's cursor row, the chosen entity's
    mentions… for those that appear there).
    """
    surface = _color(variables, "surface")
    background = _color(variables, "background", surface)
    panel = _color(variables, "panel", background)
    footer = _color(variables, "footer-background", panel)
    toast = _color(variables, "panel-lighten-1", panel)
    boost = _color(variables, "boost", surface)
    primary = _color(variables, "primary", surface)
    accent = _color(variables, "accent", surface)
    warning = _color(variables, "warning", surface)
    panel_cursor = surface.blend(primary, 0.35)  # a focused side panel's cursor row
    focused_filter = surface.blend(primary, 0.30)
    located = surface.blend(primary, 0.25)  # a paragraph reached from the timeline
    mention = surface.blend(accent, 0.25)  # the chosen entity's mentions
    foreground = _color(variables, "foreground", surface)
    tinted = surface.blend(foreground, 0.05)  # a focused option list (Textual's background tint)
    palette = _color(variables, "panel-darken-1", panel)  # the command palette, dark themes
    palette_cursor = _color(variables, "block-cursor-blurred-background", palette)
    chrome = [surface, background, panel, tinted, palette]  # panes, screen, header, palette

    def text(name: str, *on: Color) -> Color:
        return readable(_color(variables, name, surface), [surface, *on], TEXT)

    out: dict[str, Color] = {
        "foreground": text(
            "foreground", *chrome, toast, boost, panel_cursor, focused_filter, located, mention
        ),
        "text-muted": text(
            "text-muted", *chrome, boost, panel_cursor, focused_filter, palette_cursor
        ),
        # Between the two: read titles, quotations and captions (the foreground at 80%).
        "text-quiet": readable(
            surface.blend(foreground, 0.8),
            [surface, boost, located],
            TEXT,
        ),
        "text-primary": text("text-primary"),
        "text-secondary": text("text-secondary"),
        "text-accent": text("text-accent", boost, panel_cursor),
        "text-warning": text("text-warning", toast),
        "text-error": text("text-error", toast),
        "text-success": text("text-success", toast),
    }
    for name, (start, mix) in ENTITY_TINTS.items():
        tint = _color(variables, start, surface)
        if mix is not None:
            tint = tint.blend(_color(variables, mix, surface), 0.5)
        out[name] = readable(tint, [surface, mention, located], TEXT)
    for name in ("footer-foreground", "footer-key-foreground", "footer-description-foreground"):
        out[name] = readable(_color(variables, name, footer), [footer], TEXT)
    out["footer-rule"] = readable(footer.blend(out["footer-foreground"], 0.2), [footer], DECORATION)

    # Marks and lines: 3:1 against what they are drawn on.
    out["rule"] = readable(surface.blend(out["foreground"], 0.15), chrome, DECORATION)
    out["border-blurred"] = readable(
        _color(variables, "border-blurred", surface), chrome, DECORATION
    )
    out["border"] = readable(_color(variables, "border", surface), chrome, DECORATION)
    out["mark-accent"] = readable(accent, [surface, boost, panel_cursor], DECORATION)
    out["mark-warning"] = readable(warning, [surface], DECORATION)
    track = _color(variables, "scrollbar-background", surface)
    for name in ("scrollbar", "scrollbar-hover", "scrollbar-active"):
        out[name] = readable(_color(variables, name, track), [track], DECORATION)

    # Filled marks: the cursor row, find matches, the current mention.
    cursor = _color(variables, "block-cursor-background", surface)
    cursor_text = _color(variables, "block-cursor-foreground", cursor)
    out["block-cursor-background"], out["block-cursor-foreground"] = badge(
        cursor, surface, cursor_text
    )
    blurred = _color(variables, "block-cursor-blurred-background", surface)
    out["block-cursor-blurred-background"] = blurred
    out["block-cursor-blurred-foreground"] = readable(out["foreground"], [blurred], TEXT)
    out["match-background"] = surface.blend(warning, 0.30)
    out["match-foreground"] = readable(out["foreground"], [out["match-background"]], TEXT)
    out["current-match-background"], out["current-match-foreground"] = badge(warning, surface)
    out["current-mention-background"], out["current-mention-foreground"] = badge(accent, surface)
    return {name: color.hex for name, color in out.items()}


# On an ANSI theme: newstui's variables, and Textual's that do not read, as the terminal's own
# colours, chosen to read in both palettes Textual assumes for them (Monokai on a dark theme,
# Alabaster on a light one). Alabaster has only red, blue and magenta dark enough for text, so a
# light ANSI theme leaves places and groups untinted.
ANSI_VARIABLES = {
    "text-quiet": "ansi_default",
    "rule": "ansi_white",
    "border-blurred": "ansi_white",
    "footer-rule": "ansi_white",
    "mark-accent": "ansi_green",
    "mark-warning": "ansi_yellow",
    "entity-person": "ansi_yellow",
    "entity-organization": "ansi_blue",
    "entity-place": "ansi_green",
    "entity-group": "ansi_cyan",
    "entity-event": "ansi_red",
    "match-background": "ansi_yellow",
    "match-foreground": "ansi_black",
    "current-match-background": "ansi_bright_yellow",
    "current-match-foreground": "ansi_black",
    "current-mention-background": "ansi_bright_white",
    "current-mention-foreground": "ansi_black",
}
ANSI_LIGHT_VARIABLES = {
    **ANSI_VARIABLES,
    "text-secondary": "ansi_blue",
    "rule": "ansi_bright_black",
    "border-blurred": "ansi_bright_black",
    "footer-rule": "ansi_bright_black",
    "mark-accent": "ansi_magenta",
    "mark-warning": "ansi_red",
    "entity-person": "ansi_magenta",
    "entity-place": "ansi_default",
    "entity-group": "ansi_default",
    "current-mention-background": "ansi_black",
    "current-mention-foreground": "ansi_bright_white",
}


def theme_variables(variables: Mapping[str, str], *, ansi: bool, dark: bool) -> dict[str, str]:
    """The variables to add to (and replace in) a theme's: readable ones, or an ANSI set."""
    if ansi:
        return dict(ANSI_VARIABLES if dark else ANSI_LIGHT_VARIABLES)
    return readable_variables(variables)
