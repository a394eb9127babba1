"""Scripts that build the lexicon's package data (``govkg/lexicon/data``); not shipped."""
