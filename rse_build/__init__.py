"""rse: a git-backed enterprise social network published as a static site."""

__version__ = "0.1.0"
