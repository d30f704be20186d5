"""Extraction from cleaned text: quantities (numbers), periods, numeric facts, indicators."""
