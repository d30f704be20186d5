"""policy-kb: a knowledge base and text-analytics tool for Chinese policy and regional-economics papers.

The package reads like the data flow:
files (load) -> clean text (clean) -> articles/sections (structure) -> passages (passages)
-> tokens/vectors (tokenize, embed) -> indexes (index) -> cited results (search);
clean text -> facts/indicators/strategies (extract/) -> tables (tables) -> views (app.py, cli).
"""
__version__ = "0.1.0"
