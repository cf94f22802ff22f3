"""Feeds: subscriptions (RSS 0.9x/1.0/2.0, Atom, JSON Feed, OPML) and polite refreshes that store
each new item as a whole, analyzed article. No UI here; nothing heavy is imported by this package
itself (feedparser, trafilatura and spaCy load inside the functions that need them).

The API the command line and the reader use:

    Registry(store.path)                                  tui.feeds.registry
        .feeds() -> list[Feed]            every subscription, in the order added
        .find(ref) -> Feed                by id, id prefix (4+) or URL; KeyError with a sentence
    Feed: id, url, title, site_url, tags, etag, last_modified, last_fetched, status, error, name

    overview(store) -> list[FeedOverview]                 tui.feeds.overview
        each feed with `articles` and `unread` counts, status and error (`feeds list --json`)
    feed_names(store) -> dict[str, str]                   feed id -> name, for each article's row
        (an Article's and an ArticleSummary's `feed` is its feed's id)

    refresh(store, ids=None, *, progress=None, timeout=None) -> list[FeedResult]
                                                          tui.feeds.refresh
        fetch every feed (or those ids), store their new items; one FeedResult(id, url, status,
        new, error) per feed. `progress(RefreshProgress(stage, done, total))` is called in the
        calling thread; stage is "fetching" or "storing" (a TUI worker posts it on).
        Raises StoreError (store unwritable) or FeedError (subscriptions file unusable) only.

    subscribe(registry, urls, tags) -> list[Subscribed]   tui.feeds.subscriptions
    unsubscribe(registry, refs) -> list[Feed]
    import_opml(registry, data, name) -> Imported(added, known, skipped)
    export_opml(registry) -> str

Every failure the user can cause is a `FeedError` (or an `IngestError` from fetching) whose message
is one sentence naming the feed or file and what to do.
"""

from tui.feeds.errors import FeedError

__all__ = ["FeedError"]
