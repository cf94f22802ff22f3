"""An OptionList whose cursor row is drawn in the cursor's own text colour.

Why: options carry colours chosen for the list's background (the unread mark, the muted source
and date, a date expression's accent); on the cursor's filled bar those fell far below 4.5:1 (a
read title on textual-light's cursor read at 1.02:1). The cursor row keeps its options' text
styles (bold, italic, underline) and takes the cursor's foreground, as a terminal's selected
row does. It also moves with j/k, as every list in newstui does.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.strip import Strip
from textual.widgets import OptionList


class CursorOptionList(OptionList):
    """An OptionList whose highlighted option is drawn in `$block-cursor-foreground`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if self.highlighted is None:
            return strip
        cursor = self.get_visual_style(
            "option-list--option", "option-list--option-highlighted"
        ).rich_style
        if cursor.bgcolor is None or cursor.color is None:
            return strip
        # The cells on the cursor's background are the highlighted option's (the rule under it,
        # and every other row, are on the list's own); only their colour changes.
        if not any(s.style is not None and s.style.bgcolor == cursor.bgcolor for s in strip):
            return strip
        colour = Style(color=cursor.color)
        return Strip(
            [
                Segment(text, style + colour, control)
                if style is not None and style.bgcolor == cursor.bgcolor
                else Segment(text, style, control)
                for text, style, control in strip
            ],
            strip.cell_length,
        )
