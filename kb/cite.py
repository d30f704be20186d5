"""Citations: an article's GB/T 7714-2015 reference and the location of a passage inside it.

A researcher pastes the reference into a bibliography and uses the location (section, page, file,
character offsets) to find the passage again (`kb show FILE:START-END`).

GB/T 7714-2015 forms used here (sequential numbering, so an unknown author is omitted, §8.1.5):
  serial article:  主要责任者. 题名[J]. 刊名, 年, 卷(期): 页码.
  report:          主要责任者. 题名: 其他题名信息[R]. 出版地: 出版者, 出版年.
                   (其他题名信息: where it was delivered, when its dateline says so)
  other:           主要责任者. 题名[Z]. 日期.
An unknown place or publisher is written [出版地不详] / [出版者不详] (§8.4.1.2, §8.4.2.2); more than
three authors are cut to three followed by “等” (§8.1.2).
"""
from __future__ import annotations

import re

from .types import Article

MAX_AUTHORS = 3

# Document-type codes of GB/T 7714-2015 (§4.2, table 1) by genre. A paper needs its journal to be a
# serial article [J]; a government work report and a statistical communiqué are reports [R]; plans
# and policy documents have no code of their own and take “other” [Z].
_TYPE_CODE = {"paper": "J", "journal_issue": "J", "work_report": "R", "communique": "R"}


def document_type(article: Article) -> str:
    """The GB/T 7714 document-type code of an article: J, R or Z."""
    code = _TYPE_CODE.get(article.genre, "Z")
    if code == "J" and not article.journal:
        return "Z"   # a paper whose journal is not stated cannot be written as a serial article
    return code


def responsible(article: Article) -> str:
    """主要责任者: the first three authors (then “等”), else the issuing bodies, else ""."""
    names = [n.strip() for n in article.authors if n and n.strip()]
    if names:
        return ", ".join(names[:MAX_AUTHORS]) + (", 等" if len(names) > MAX_AUTHORS else "")
    return _issuers(article)


def _issuers(article: Article) -> str:
    """The issuing bodies as the standard separates responsible parties (洛阳市统计局, 国家统计局洛阳调查队)."""
    return ", ".join(_issuer_list(article))


def _issuer_list(article: Article) -> list[str]:
    return [p.strip() for p in re.split(r"[、，,]", article.issuer) if p.strip()]


def publication_year(article: Article) -> str:
    """The year the article states (its `year`, else the year of its `date`), or ""."""
    if article.year:
        return str(article.year)
    m = re.match(r"(\d{4})", article.date or "")
    return m.group(1) if m else ""


def _serial_part(article: Article) -> str:
    """刊名, 年, 卷(期): 页码 — each element only when stated (no volume: 年(期))."""
    out = article.journal.strip()
    year = publication_year(article)
    if year:
        out += f", {year}"
    volume, issue = article.volume.strip(), article.issue.strip()
    if volume:
        out += f", {volume}"
    if issue:
        out += f"({issue})"
    if article.pages.strip():
        out += f": {_page_range(article.pages)}"
    return out


def _page_range(pages: str) -> str:
    """Page range with an ASCII hyphen, as the standard writes it ("12—25" -> "12-25")."""
    return re.sub(r"\s*[—–~～－-]+\s*", "-", pages.strip())


def _publication_part(article: Article, code: str) -> str:
    """After the title of a report: 出版地: 出版者, 出版年 (the first issuer publishes its own report,
    §8.4.2.1 keeps one publisher; the place is never stated in these texts). “Other” [Z] has no
    prescribed form: its date or year."""
    year = publication_year(article)
    if code == "Z":
        return article.date.strip() or year
    issuers = _issuer_list(article)
    if not (issuers or year):
        return ""
    publisher = issuers[0] if issuers else "[出版者不详]"
    return f"[出版地不详]: {publisher}" + (f", {year}" if year else "")


def reference(article: Article) -> str:
    """The article's GB/T 7714-2015 reference string, or "" when it has no title."""
    title = " ".join(article.title.split())
    if not title:
        return ""
    subtitle = " ".join(article.subtitle.split())
    if subtitle:
        title += f": {subtitle}"   # 题名: 其他题名信息 (where a report was delivered)
    code = document_type(article)
    head = responsible(article)
    body = _serial_part(article) if code == "J" else _publication_part(article, code)
    return (f"{head}. " if head else "") + f"{title}[{code}]." + (f" {body}." if body else "")


def location(section: str | None, page: int | None, source: str, start: int, end: int) -> str:
    """Where the passage is: section path, page, file and character offsets."""
    parts = [section] if section else []
    if page is not None:
        parts.append(f"第{page}页")
    parts.append(f"{source} 字符 {start}–{end}")
    return "，".join(parts)


def citation(reference_: str, section: str | None, page: int | None, source: str, start: int, end: int,
             title: str = "") -> str:
    """The article's reference followed by the passage's location; 《title》 and the location when the
    article has no reference; the location alone when the passage is in no article."""
    where = location(section, page, source, start, end)
    if reference_:
        return f"{reference_} 位置：{where}"
    return f"《{title}》，{where}" if title else where
