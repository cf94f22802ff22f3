"""An OptionList that takes thousands of options at once: the article list's engine.

Textual checks each new option in a Python loop and measures each one's height through two calls;
at 10,000 articles that cost tens of milliseconds on every sort and filter key. This list adds
options in bulk and redraws one option in place, through OptionList internals of Textual 8.2; each
internal is looked for first, and the public call is the fallback.
"""

from __future__ import annotations

from itertools import accumulate

from textual.widgets.option_list import Option

from tui.app.widgets.cursor_option_list import CursorOptionList
from tui.app.widgets.list_prompt import ListPrompt


class BulkOptionList(CursorOptionList):
    """A CursorOptionList filled in bulk with options of distinct ids (`fill_options`)."""

    def fill_options(self, options: list[Option], *, append: bool = False) -> None:
        """`set_options` (or, with `append`, `add_options`) for options with unique ids.

        Textual checks each new item's type and id in a Python loop: tens of milliseconds at 10,000
        articles, on every sort and filter key. These are Options with distinct article ids, so
        they are added in bulk, through OptionList internals of Textual 8.2 (`_options`,
        `_option_to_index`, `_id_to_option`); the public calls are the fallback.
        """
        bulk = all(hasattr(self, n) for n in ("_options", "_option_to_index", "_id_to_option"))
        if not bulk:
            (self.add_options if append else self.set_options)(options)
            return
        if not append:
            self.set_options(())  # clears the options, caches, highlight and scroll
        start = len(self._options)
        self._options.extend(options)
        self._option_to_index.update(zip(options, range(start, start + len(options)), strict=True))
        self._id_to_option.update((o.id, o) for o in options if o.id is not None)
        if self.is_mounted and options:
            self.refresh(layout=self.styles.auto_dimensions)
            self._update_lines()

    def _update_lines(self) -> None:
        """OptionList's map of lines to options, extended for the new options in bulk.

        Textual asks each option's visual for its height through two calls, one option at a time
        (~20 ms for 10,000 options, on every sort and filter key); a `ListPrompt` knows its height.
        Fills the same structures as Textual 8.2's `_update_lines`, which then finds nothing left
        to do but the sizes (and does it all itself when an option is not a ListPrompt).
        """
        cache = getattr(self, "_line_cache", None)
        if cache is not None and self.scrollable_content_region:
            lines, options = cache.lines, self.options
            start = lines[-1][0] + 1 if lines else 0
            new = options[start:]
            prompts = [o.prompt for o in new if type(o.prompt) is ListPrompt]
            if new and len(prompts) == len(new):
                heights = [p.height + o._divider for p, o in zip(prompts, new, strict=True)]
                indices = range(start, start + len(new))
                cache.heights.update(zip(indices, heights, strict=True))
                firsts = accumulate(heights, initial=len(lines))  # one more than the indices
                cache.index_to_line.update(zip(indices, firsts, strict=False))
                lines.extend(
                    [(i, n) for i, h in zip(indices, heights, strict=True) for n in range(h)]
                )
        super()._update_lines()

    def set_prompt_in_place(self, option: Option, prompt: ListPrompt) -> bool:
        """Give a listed option a new prompt of the same height, dropping only its own drawn lines
        (`replace_option_prompt` re-measures every option); False when it cannot, and nothing
        changed. Uses `_set_prompt` and `_option_render_cache` of Textual 8.2."""
        cache = getattr(self, "_option_render_cache", None)
        same_height = getattr(option.prompt, "height", None) == prompt.height  # tags can add a line
        if not (hasattr(option, "_set_prompt") and cache is not None and same_height):
            return False
        option._set_prompt(prompt)
        for key in [key for key in cache.keys() if key[0] is option]:  # noqa: SIM118 (no __iter__)
            cache.discard(key)  # the other options keep their drawn lines
        self.refresh()
        return True

    def forget_drawn(self) -> None:
        """Draw every option again (new colours): Textual 8.2 caches drawn options."""
        cache = getattr(self, "_option_render_cache", None)
        if cache is not None:
            cache.clear()
        self.refresh()
