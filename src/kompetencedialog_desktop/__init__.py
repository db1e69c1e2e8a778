"""Kompetencedialog Desktop: Kompetencedialogen som et offline desktopprogram."""

__version__ = "0.2.0"
