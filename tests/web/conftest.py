"""A small hand-written database (no model) served by the app, and a hostile article in it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from fastapi.testclient import TestClient

from tests.store.factory import KHARKIV, RUSSIA, UKRAINE, coded, corpus
from tidings.actors.kb import load_knowledge_base
from tidings.store import Store
from tidings.types import Actor, CodedDocument
from tidings.web import create_app

HOSTILE_ID = "hostile"
# Each of these would run script if the page put article text into markup unescaped.
HOSTILE_TITLE = "<script>window.pwned = 'title'</script>Breaking"
HOSTILE_TARGET = Actor("<img src=x onerror=\"window.pwned='target'\"> Ukraine", "UKR", None,
                       "Ukraine", "country/UKR")
HOSTILE_SENTENCE = ("Russia attacked <img src=x onerror=\"window.pwned='target'\"> Ukraine near "
                    "<script>window.pwned = 'text'</script> Kharkiv.")


def hostile_document() -> CodedDocument:
    doc = coded(HOSTILE_ID, date(2022, 3, 5),
                [(HOSTILE_SENTENCE, "ASSAULT", RUSSIA, HOSTILE_TARGET),
                 ("Russia attacked Ukraine <svg onload=\"window.pwned='svg'\"> again.", "ASSAULT",
                  RUSSIA, UKRAINE)], location=KHARKIV)
    return replace(doc, document=replace(doc.document, title=HOSTILE_TITLE,
                                         url="javascript:window.pwned='url'"))


@pytest.fixture(scope="session")
def web_db(tmp_path_factory):
    """The store tests' five documents (Russia-Ukraine 2022, China-Korea 2021) and the hostile one."""
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    with Store(path) as writer:
        list(writer.write([*corpus(), hostile_document()], writer.start_run("tidings test", {})))
    return path


@pytest.fixture(scope="session")
def knowledge_base():
    return load_knowledge_base()


@pytest.fixture(scope="session")
def app(web_db, knowledge_base):
    return create_app(web_db, knowledge_base=knowledge_base)


@pytest.fixture(scope="session")
def client(app):
    with TestClient(app) as client:
        yield client
