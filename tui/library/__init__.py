"""Work across the core that both the command line and the reader call: adding articles (ingest,
analyze, store), timelines merged across articles, the articles naming an entity, re-dating, exports
and reading-state changes. It imports the core (model, ingest, nlp, store) and never the UI."""
