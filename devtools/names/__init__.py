"""Experiments on person names and posts (not shipped)."""
