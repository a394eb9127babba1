"""Bodies a document sets out (declarations merged into one body per name) and the passages that
belong to each, as a ``BodyIndex``; body and membership facts from it."""
