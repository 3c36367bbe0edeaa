"""Derived views: pure functions of the community that templates render as they are."""
