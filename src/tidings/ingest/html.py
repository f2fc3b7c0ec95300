"""Saved news pages: the article's text, title, date, address and site, by trafilatura.

The extracted text is the document's text: evidence offsets point into it, not into the
markup. A page where trafilatura finds no article is rejected by the caller.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
# publication date over the last-modified one; no slow search through the whole page
_DATE_OPTIONS = {"original_date": True, "extensive_search": False}


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None
    date: str | None
    url: str | None
    site: str | None


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of a stream open an HTML page."""
    return _HTML_START.match(head) is not None


def extract_article(page: str) -> Article | None:
    """The article of a saved page, or None when the page holds none.

    >>> extract_article("<html><body><article><p>" + "Xi met Moon in Seoul. " * 20
    ...                 + "</p></article></body></html>").text[:21]
    'Xi met Moon in Seoul.'
    """
    import trafilatura  # slow to import; only HTML input needs it

    # a page without an article is rejected with our own message; its warning is noise
    logging.getLogger("trafilatura").setLevel(logging.ERROR)

    found = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, fast=True, date_extraction_params=_DATE_OPTIONS)
    if found is None or isinstance(found, dict):  # a dict only when asked for one
        return None
    text = (found.text or "").strip()
    if not text:
        return None
    return Article(_without_headline(text, found.title), found.title or None,
                   found.date or None, found.url or None, found.sitename or None)


def _without_headline(text: str, title: str | None) -> str:
    """trafilatura puts the headline first; it is the title, and the body (with its
    dateline) starts after it."""
    first, _, rest = text.partition("\n")
    if title and rest and first.strip() == title.strip():
        return rest.lstrip("\n")
    return text
