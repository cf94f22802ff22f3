"""The parsed-CSS cache (`tui.app.css_cache`): a start-up from it has exactly the rules of one that
parsed, and a damaged, foreign or other theme's cache file is parsed around."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from tests.ui.helpers import wait_until
from tui.app.app import build_app
from tui.app.css_cache import css_cache_path
from tui.store import Store

pytestmark = pytest.mark.anyio
SIZE = (120, 40)


async def started(store: Store) -> tuple[list[str], int, object]:
    """The app's CSS rules once it has painted, how many sources it parsed, and its cache."""
    app = build_app(store)
    parsed = []
    parse = app.css_cache._parse

    def counting(*args: object) -> object:
        parsed.append(args[1])
        return parse(*args)

    app.css_cache._parse = counting
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.screen.side_ready)  # its CSS comes after the paint
        await pilot.pause()
        app.css_cache.save()
        rules = [
            repr((rule.selector_set, rule.styles.get_rules())) for rule in app.stylesheet.rules
        ]
        return rules, len(parsed), app.css_cache


async def test_a_start_from_the_cache_has_the_rules_of_one_that_parsed(store: Store) -> None:
    css_cache_path().unlink(missing_ok=True)
    parsed_rules, parsed_count, _ = await started(store)
    assert parsed_count > 5 and css_cache_path().exists()
    cached_rules, cached_count, _ = await started(store)
    assert cached_rules == parsed_rules
    assert cached_count < parsed_count // 4  # what the first paint needs came from the file


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"garbage",
        pickle.dumps(["not", "a", "dict"]),
        pickle.dumps({"variables": "another theme's", "rules": {}}),
    ],
)
async def test_a_damaged_or_foreign_cache_file_is_parsed_around(
    store: Store, content: bytes
) -> None:
    css_cache_path().unlink(missing_ok=True)
    parsed_rules, parsed_count, _ = await started(store)
    Path(css_cache_path()).write_bytes(content)
    rules, count, _ = await started(store)
    assert rules == parsed_rules
    assert count == parsed_count
