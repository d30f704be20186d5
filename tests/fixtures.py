"""Small real documents made with the libraries themselves (no binary fixtures in the repo)."""
from __future__ import annotations

from pathlib import Path

SEED_DIR = Path(__file__).resolve().parent.parent / "corpus"
# A real paragraph of the seed paper 002 (a PDF extraction with its line breaks removed).
SEED_SENTENCE = "西部地区的人均GDP从4848.16元增加到53741.53元。"


def seed_path(prefix: str) -> Path:
    return next(SEED_DIR.glob(f"{prefix}_*.txt"))


def make_pdf(path: Path, pages: list[str], password: str | None = None) -> Path:
    """A PDF whose pages hold the given Chinese lines, using reportlab's built-in CID font."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), encrypt=password)
    for page in pages:
        c.setFont("STSong-Light", 11)
        y = 780
        for line in page.split("\n"):
            c.drawString(50, y, line)
            y -= 16
        c.showPage()
    c.save()
    return path


def make_scanned_pdf(path: Path) -> Path:
    """A page with only a drawn picture on it (no text layer), like a scanned page."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.setFillGray(0.5)
    c.rect(50, 50, 400, 600, fill=1)
    c.showPage()
    c.save()
    return path


def make_docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    document.save(str(path))
    return path


def make_html(path: Path, title: str, paragraphs: list[str], encoding: str = "utf-8") -> Path:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (f'<html><head><meta charset="{encoding}"><title>{title}</title>'
            f"<script>var x = '不应出现';</script></head><body><h1>{title}</h1>{body}</body></html>")
    path.write_bytes(html.encode(encoding))
    return path


def text_only_kb(paths: list[Path], index_dir: Path) -> Path:
    """A KB directory holding the real text pipeline's rows for `paths` (clean, structure, facts,
    strategies) in SQLite, without search indexes: enough for compare and analytics, and seconds
    instead of minutes of embedding. Returns `index_dir` (KnowledgeBase opens it like any KB)."""
    from kb import store
    from kb.build import pipeline_version, process
    from kb.config import Settings
    from kb.load import load

    settings = Settings(index_dir=index_dir)
    gen = Path(index_dir) / "gen-text-only"
    gen.mkdir(parents=True, exist_ok=True)
    conn = store.connect(gen / "kb.sqlite")
    for path in paths:
        raw = load(Path(path))
        done = process(raw, settings)
        store.insert_document(conn, source=raw.source, path=raw.path, sha256=raw.sha256,
                              pipeline=pipeline_version(settings), encoding=raw.encoding, paged=raw.paged,
                              clean=done["clean"], articles=done["articles"], rows=done["rows"])
    conn.commit()
    conn.close()
    (Path(index_dir) / "CURRENT").write_text(gen.name)
    return Path(index_dir)


def processed_by_another_version(index_dir: Path) -> None:
    """Mark every document of the live KB in `index_dir` as processed by another version of the
    pipeline, as a KB built by an older policy-kb stores it (its documents' `pipeline` column)."""
    import sqlite3

    from kb.build import current_generation
    conn = sqlite3.connect(current_generation(index_dir) / "kb.sqlite")
    try:
        conn.execute("UPDATE documents SET pipeline = '0000000000000000'")
        conn.commit()
    finally:
        conn.close()
