"""Extractors: gazette text to documents to facts, each a pure function of its input."""
