"""govkg: a knowledge graph of Chinese government bodies built from official gazettes."""

__version__ = "0.1.0"
