"""The baseline for start-up: the smallest useful Textual app (a header, a list of 3 items, a footer)."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, OptionList


class MinimalApp(App[None]):
    """What any Textual app pays before its first paint."""

    BINDINGS = [("q", "quit", "Quit")]  # noqa: RUF012

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList("minimal ready", "second", "third")
        yield Footer()


if __name__ == "__main__":
    MinimalApp().run()
