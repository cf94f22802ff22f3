"""Article -> entities and timeline. Nothing here is imported on the TUI's start-up path.

Public API:
    spacy_model.load_model(name=None) -> spacy Language (cached; loaded late; pipeline has it too)
    pipeline.analyze_articles(articles, nlp=None) -> None   fills entities, timeline, analyzed=True
    entities.resolve_entities(docs) -> list[Entity]          docs: one spaCy Doc per paragraph
    timeline.extract_timeline(docs, published) -> list[TimelineEvent]
"""
