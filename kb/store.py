"""The SQLite knowledge base: documents, texts, articles, sections, passages, facts, strategies.

Row tables mirror the dataclasses in kb/types.py (their columns are derived from the fields, so a
field added to a type is stored without touching this module); lists and dicts are stored as JSON.
"""
from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Iterable

import numpy as np

from .errors import KBError
from .types import Article, CleanText, Fact, IndicatorSystem, Passage, Section, Span, Strategy, Table

SCHEMA_VERSION = 1

_DOCUMENTS = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,   -- file name shown in citations
    path TEXT NOT NULL,            -- where it was read from
    sha256 TEXT NOT NULL,          -- content hash of the file bytes
    pipeline TEXT NOT NULL,        -- pipeline version that processed it
    encoding TEXT,
    paged INTEGER NOT NULL DEFAULT 0,
    chars INTEGER NOT NULL,
    text TEXT NOT NULL,            -- the cleaned text all offsets refer to
    pages TEXT NOT NULL,           -- JSON [[start, page], ...]
    footnotes TEXT NOT NULL,       -- JSON [[offset, marker], ...]
    spans TEXT NOT NULL,           -- JSON [[kind, start, end], ...]
    built_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def _column_type(annotation: str) -> str:
    base = str(annotation).replace(" ", "").split("|")[0]
    return {"int": "INTEGER", "float": "REAL", "str": "TEXT", "bool": "INTEGER"}.get(base, "TEXT")


# Columns a row table has besides its dataclass fields (sections do not know their article).
_EXTRA_COLUMNS = {"sections": ["article_index INTEGER"]}


def _row_table_ddl(table: str, cls) -> str:
    cols = ["id INTEGER PRIMARY KEY",
            "document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE",
            *_EXTRA_COLUMNS.get(table, []),
            *(f'"{f.name}" {_column_type(f.type)}' for f in _stored_fields(cls))]
    return (f'CREATE TABLE IF NOT EXISTS {table} ({", ".join(cols)});\n'
            f'CREATE INDEX IF NOT EXISTS {table}_doc ON {table}(document_id);')


def _stored_fields(cls) -> list[dataclasses.Field]:
    """Fields stored as columns: not the row id, not nested rows (Article.sections has its own table)."""
    return [f for f in dataclasses.fields(cls) if f.name not in ("id", "sections")]


def _row_tables() -> dict[str, type]:
    """Table name -> dataclass stored in it, in the order a document's rows are written."""
    return {"articles": Article, "sections": Section, "passages": Passage, "facts": Fact,
            "strategies": Strategy, "indicator_systems": IndicatorSystem, "tables": Table}


def connect(path: Path | str, readonly: bool = False) -> sqlite3.Connection:
    """A connection to the KB database; a read-only one to a damaged file is refused with a KBError."""
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        try:   # a truncated or overwritten file fails here, on its first page, not in some later query
            conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.DatabaseError as e:
            conn.close()
            raise KBError(f"{path}: the knowledge base database is damaged ({e}); "
                          "`kb check` lists what is wrong and `kb build` rebuilds it") from None
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        init(conn)
    conn.row_factory = sqlite3.Row
    return conn


def init(conn: sqlite3.Connection) -> None:
    conn.executescript(_DOCUMENTS)
    for table, cls in _row_tables().items():
        conn.executescript(_row_table_ddl(table, cls))
        _add_missing_columns(conn, table, cls)
    conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    conn.commit()


def _add_missing_columns(conn: sqlite3.Connection, table: str, cls) -> None:
    """A KB built before a field was added to a type gains its column (NULL for old rows)."""
    have = _columns(conn, table)
    for f in _stored_fields(cls):
        if f.name not in have:
            conn.execute(f'ALTER TABLE {table} ADD COLUMN "{f.name}" {_column_type(f.type)}')


def get_meta(conn: sqlite3.Connection, key: str, default: str | None = None) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def set_meta(conn: sqlite3.Connection, **values) -> None:
    conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                     [(k, v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))
                      for k, v in values.items()])


def documents(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT id, source, path, sha256, pipeline, chars, paged, built_at "
                        "FROM documents ORDER BY source").fetchall()


def document_id(conn: sqlite3.Connection, source: str) -> int | None:
    """The row id of the document named `source`, or None."""
    row = conn.execute("SELECT id FROM documents WHERE source = ?", (source,)).fetchone()
    return row[0] if row else None


def delete_document(conn: sqlite3.Connection, document_id: int) -> None:
    conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))  # rows cascade


def insert_document(conn: sqlite3.Connection, *, source: str, path: str, sha256: str, pipeline: str,
                    encoding: str, paged: bool, clean: CleanText, articles: list[Article],
                    rows: dict[str, Iterable]) -> int:
    """Store one processed document and its derived rows; returns its id. Caller commits."""
    cur = conn.execute(
        "INSERT INTO documents (source, path, sha256, pipeline, encoding, paged, chars, text, pages, "
        "footnotes, spans) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (source, path, sha256, pipeline, encoding, int(paged), len(clean.text), clean.text,
         json.dumps(clean.pages), json.dumps(clean.footnotes, ensure_ascii=False),
         json.dumps([[s.kind, s.start, s.end] for s in clean.spans])))
    doc_id = cur.lastrowid
    _insert_rows(conn, "articles", doc_id, articles)
    sections = [(a.index, s) for a in articles for s in a.sections]
    _insert_rows(conn, "sections", doc_id, [s for _, s in sections],
                 extra={"article_index": [i for i, _ in sections]})
    for table, items in rows.items():
        _insert_rows(conn, table, doc_id, list(items))
    return doc_id


def _insert_rows(conn, table: str, doc_id: int, items: list, extra: dict | None = None) -> None:
    if not items:
        return
    cls = _row_tables()[table]
    names = [f.name for f in _stored_fields(cls)]
    extra = extra or {}
    cols = ["document_id", *names, *extra]
    sql = f'INSERT INTO {table} ({", ".join(chr(34) + c + chr(34) for c in cols)}) ' \
          f'VALUES ({", ".join("?" * len(cols))})'
    values = []
    for n, item in enumerate(items):
        values.append([doc_id, *(_to_sql(getattr(item, name)) for name in names),
                       *(extra[k][n] for k in extra)])
    conn.executemany(sql, values)


def _to_sql(value):
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def load_clean_text(conn: sqlite3.Connection, source: str) -> CleanText | None:
    row = conn.execute("SELECT text, pages, footnotes, spans FROM documents WHERE source = ?",
                       (source,)).fetchone()
    if row is None:
        return None
    return CleanText(text=row["text"], pages=[tuple(p) for p in json.loads(row["pages"])],
                     footnotes=[tuple(f) for f in json.loads(row["footnotes"])],
                     spans=[Span(k, s, e) for k, s, e in json.loads(row["spans"])])


def load_passages(conn: sqlite3.Connection) -> list[Passage]:
    """All passages in id order, with their ids (the order the indexes are built in)."""
    names = [f.name for f in dataclasses.fields(Passage)]
    cols = ", ".join(f'"{n}"' for n in names)
    return [Passage(**dict(zip(names, row))) for row in
            conn.execute(f"SELECT {cols} FROM passages ORDER BY id")]


class PassageTable(Sequence):
    """The passages of a KB served from its database by index row (row i is passage `ids[i]`), so a
    loaded KB does not hold a million passage texts in memory. `fetch` reads many rows in one query;
    iterating streams every passage in row order (the Searcher reads its per-row arrays that way)."""

    _BATCH = 500   # ids per IN (...) query, under SQLite's bound-variable limit

    def __init__(self, conn: sqlite3.Connection, ids: Sequence[int]):
        self.conn = conn
        self.ids = np.asarray(ids, dtype=np.int64)
        self._names = [f.name for f in dataclasses.fields(Passage)]
        self._select = "SELECT " + ", ".join(f'"{n}"' for n in self._names) + " FROM passages"

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, row):
        if isinstance(row, slice):
            return [self[r] for r in range(*row.indices(len(self)))]
        found = self.fetch([row])
        if not found:
            raise IndexError(row)
        return found[int(row) if row >= 0 else len(self) + int(row)]

    def fetch(self, rows) -> dict[int, Passage]:
        """{row: Passage} of `rows` (rows whose passage is gone are left out)."""
        rows = [int(r) if r >= 0 else len(self) + int(r) for r in rows]
        row_of = {int(self.ids[r]): r for r in rows if 0 <= r < len(self)}
        ids = list(row_of)
        out: dict[int, Passage] = {}
        for a in range(0, len(ids), self._BATCH):
            chunk = ids[a:a + self._BATCH]
            sql = f"{self._select} WHERE id IN ({', '.join('?' * len(chunk))})"
            for values in self.conn.execute(sql, chunk):
                p = Passage(**dict(zip(self._names, values)))
                out[row_of[p.id]] = p
        return out

    def __iter__(self) -> Iterator[Passage]:
        """Every passage in row order; KBError when the database and the index disagree."""
        cursor = self.conn.execute(f"{self._select} ORDER BY id")
        row = 0
        for values in cursor:
            p = Passage(**dict(zip(self._names, values)))
            if row < len(self.ids) and p.id == self.ids[row]:
                row += 1
                yield p
        if row != len(self.ids):
            raise KBError(f"The search index refers to {len(self.ids) - row} passages that are not in the "
                          "knowledge base (or not in id order). Rebuild the KB: `kb build`.")


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table; a row table that a KB built before it existed lacks counts 0."""
    tables = ["documents", *_row_tables()]
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] if has_table(conn, t) else 0
            for t in tables}


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def facts_with_articles(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every fact with the metadata of the article holding it (article_jurisdiction, article_genre,
    article_date, article_year; NULL in a KB built before those fields existed), in document order."""
    have = _columns(conn, "articles")
    meta = ", ".join(f'a."{c}" AS article_{c}' if c in have else f"NULL AS article_{c}"
                     for c in ("jurisdiction", "genre", "date", "year"))
    return conn.execute(
        f'SELECT f.*, {meta} FROM facts f LEFT JOIN articles a ON a.document_id = f.document_id '
        f'AND f.start >= a.start AND f.start < a."end" ORDER BY f.document_id, f.start').fetchall()


def document_texts(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """(source, text) of every document, by source."""
    return conn.execute("SELECT source, text FROM documents ORDER BY source").fetchall()


def article_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """(source, article index, title, start, end, year, date, genre, jurisdiction) of every article."""
    have = _columns(conn, "articles")
    meta = ", ".join(f'a."{c}"' if c in have else f"NULL AS {c}" for c in ("date", "genre", "jurisdiction"))
    return conn.execute(
        f'SELECT d.source, a."index", a.title, a.start, a."end", a.year, {meta} FROM articles a '
        f'JOIN documents d ON d.id = a.document_id ORDER BY d.source, a."index"').fetchall()


def section_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """(source, article index, path, kind, start, end) of every section, in document order."""
    return conn.execute(
        'SELECT d.source, s.article_index, s.path, s.kind, s.start, s."end" FROM sections s '
        'JOIN documents d ON d.id = s.document_id ORDER BY d.source, s.start').fetchall()


def sqlite_problems(path: Path | str) -> str:
    """What SQLite's integrity check says is wrong with the file at `path`, or '' when nothing is."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        return f"not a readable SQLite database ({e})"
    return "" if rows == ["ok"] else f"SQLite integrity check failed ({'; '.join(rows)[:200]})"


def readable_document_paths(path: Path | str) -> list[str]:
    """The document paths that can still be read from a damaged KB database (perhaps none)."""
    found = []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            for row in conn.execute("SELECT path FROM documents"):
                found.append(row[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        pass
    return found


# ------------------------------------------------------------------ reading rows for tables and citations
def table_rows(conn: sqlite3.Connection, table: str, source: str | None = None) -> tuple[list[str], list[tuple]]:
    """(column names, rows) of one row table in document order, each row with its document's `source`.

    The columns are the table's own (a KB built before a field existed simply lacks it), without the
    row and document ids.
    """
    if table not in _row_tables():
        raise ValueError(f"not a row table: {table}")
    own = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")
           if row[1] not in ("id", "document_id")]
    columns = own if "source" in own else ["source", *own]
    select = ", ".join('d.source' if c == "source" and "source" not in own else f't."{c}"' for c in columns)
    where = " WHERE d.source = ?" if source is not None else ""
    rows = conn.execute(f'SELECT {select} FROM {table} t JOIN documents d ON d.id = t.document_id{where} '
                        f'ORDER BY d.source, t.start, t.id', (source,) if source is not None else ()).fetchall()
    return columns, [tuple(r) for r in rows]


def has_table(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone() is not None


def articles(conn: sqlite3.Connection) -> list[tuple[str, Article]]:
    """(document source, article without its sections) for every article, in document order."""
    rows = conn.execute('SELECT d.source AS document_source, t.* FROM articles t '
                        'JOIN documents d ON d.id = t.document_id ORDER BY d.source, t.start, t.id')
    return [(row["document_source"], _from_row(Article, row)) for row in rows]


def tables(conn: sqlite3.Connection, source: str | None = None) -> list[Table]:
    """The tables of every document (or of `source`), in document order, with their row ids; [] for a
    KB built before tables were stored."""
    if not has_table(conn, "tables"):
        return []
    where = " WHERE d.source = ?" if source is not None else ""
    rows = conn.execute(f'SELECT t.* FROM tables t JOIN documents d ON d.id = t.document_id{where} '
                        f'ORDER BY d.source, t.start', (source,) if source is not None else ())
    out = []
    for row in rows:
        table = _from_row(Table, row)
        table.id = row["id"]
        out.append(table)
    return out


def passage_kinds(conn: sqlite3.Connection) -> list[str]:
    """The section kinds that have passages (what a search can be restricted to)."""
    return [r[0] for r in conn.execute("SELECT DISTINCT kind FROM passages ORDER BY kind")]


def article_at(conn: sqlite3.Connection, source: str, start: int, end: int) -> Article | None:
    """The innermost article of document `source` that holds the span [start, end) (without sections)."""
    row = _innermost(conn, "articles", source, start, end)
    return None if row is None else _from_row(Article, row)


def section_at(conn: sqlite3.Connection, source: str, start: int, end: int) -> Section | None:
    """The innermost section of document `source` that holds the span [start, end)."""
    row = _innermost(conn, "sections", source, start, end)
    return None if row is None else _from_row(Section, row)


def _innermost(conn: sqlite3.Connection, table: str, source: str, start: int, end: int) -> sqlite3.Row | None:
    return conn.execute(
        f'SELECT t.* FROM {table} t JOIN documents d ON d.id = t.document_id '
        f'WHERE d.source = ? AND t.start <= ? AND t."end" >= ? ORDER BY t.start DESC LIMIT 1',
        (source, start, end)).fetchone()


def _from_row(cls, row: sqlite3.Row):
    """A dataclass from a stored row: JSON lists decoded, flags as bools, absent or NULL columns of a field
    with a default left default."""
    have = set(row.keys())
    values = {}
    for f in _stored_fields(cls):
        if f.name not in have:
            continue
        value = row[f.name]
        if value is None and f.default not in (dataclasses.MISSING, None):
            continue   # a column added after the row was written (NULL): the field's default ("")
        kind = str(f.type).replace(" ", "")
        if isinstance(value, str) and kind.startswith(("list", "dict", "tuple")):
            value = json.loads(value)
        elif kind == "bool" and value is not None:
            value = bool(value)
        values[f.name] = value
    return cls(**values)
