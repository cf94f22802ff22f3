"""Invented story text shared by the ingest tests."""

STORY = [
    "The city council of Lakeview voted on Tuesday to close the old harbour bridge for repairs, "
    "a decision that will send thousands of commuters onto longer routes for most of next year.",
    "Engineers told the council that the steel supports had corroded faster than expected after "
    "three wet winters, and that the bridge could no longer carry buses safely.",
    "“We did not take this lightly, but safety has to come first,” said Mayor Ana Ruiz, who "
    "promised that a ferry service would run every twenty minutes during the works.",
    "Local shop owners said they feared losing customers. Several of them asked the council to "
    "delay the closure until after the holiday season, a request that was turned down.",
    "The repairs are expected to cost about $40 million and to be finished in the spring of 2026, "
    "according to the city's own estimate published last month.",
]

# A site's section menu, as a converter flattens it onto one line.
MENU = " ".join(
    f"{section} Latest {section} News {section} Videos {section} Photos"
    for section in ("Local", "World", "Business", "Sports", "Weather", "Opinion", "Arts")
)
