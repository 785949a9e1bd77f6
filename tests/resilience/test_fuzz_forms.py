"""Generated input to every form of the project, as every role that reaches it.

Each page of the URL matrix is opened as each role the matrix lets in; every POST form on it
is filled by Hypothesis from what the form itself declares (its inputs, options and files),
with values that fit, values that do not, and fields left out. No answer may be a server
error, and a refused form must leave the data exactly as it was: nothing half-written.
Derandomised, so that a run in CI is the same run every time.
"""

from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.test_url_matrix import PERSONAS, ROWS, client_for, world  # noqa: F401 - fixture
from umebra.submissions import FIELD

pytestmark = pytest.mark.django_db

# Forms that change the session itself, not the data: fuzzing them would log the client out.
NOT_FUZZED = ("/logout/", "/i18n/", "/login/")
# Tables whose rows a refused request may still add: the access log records refusals.
MAY_GROW = {"audit_accessevent", "django_session", "umebra_submission"}

NASTY_TEXT = ["", " ", "=1+1", "+SUM(A1)", "<script>alert(1)</script>", "x" * 5000, "Ålidhem",
              "nul\x00byte", "😀", "-1", "0", "99999999999999999999", "2026-02-30"]  # fmt: skip


@dataclass
class Field:
    kind: str
    options: list[str] = field(default_factory=list)
    value: str = ""


@dataclass
class Form:
    action: str
    fields: dict[str, Field] = field(default_factory=dict)


class FormParser(HTMLParser):
    """The POST forms of a page with their fields, as a browser would send them."""

    def __init__(self, page_url: str):
        super().__init__()
        self.page_url, self.forms, self._form, self._select = page_url, [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self._form = Form(attrs.get("action") or self.page_url)
            self.forms.append(self._form)
        elif self._form is None or not attrs.get("name"):
            if tag == "option" and self._select is not None:
                self._select.options.append(attrs.get("value", ""))
            return
        elif tag == "input":
            kind = attrs.get("type", "text")
            known = self._form.fields.setdefault(
                attrs["name"], Field(kind, value=attrs.get("value", ""))
            )
            if kind in ("checkbox", "radio"):
                known.options.append(attrs.get("value", "on"))
        elif tag == "textarea":
            self._form.fields[attrs["name"]] = Field("text")
        elif tag == "select":
            self._select = Field("select-multiple" if "multiple" in attrs else "select")
            self._form.fields[attrs["name"]] = self._select

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def text() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(NASTY_TEXT), st.text(max_size=60))


def mostly(good: st.SearchStrategy, bad: st.SearchStrategy) -> st.SearchStrategy:
    """Values that fit, three times in four, so that forms also get through and write."""
    return st.one_of(good, good, good, bad)


def strategy_for(field: Field) -> st.SearchStrategy:
    if field.kind == "hidden":
        return st.just(field.value)
    if field.kind in ("checkbox", "select-multiple"):
        options = [o for o in field.options if o] or ["on"]
        return mostly(st.lists(st.sampled_from(options), min_size=1, max_size=3, unique=True),
                      st.lists(st.sampled_from(["999999", "x", ""]), max_size=2))  # fmt: skip
    if field.kind in ("radio", "select"):
        options = [o for o in field.options if o] or [""]
        return mostly(st.sampled_from(options), text())
    if field.kind == "number":
        return mostly(st.integers(0, 10_000).map(str), st.one_of(
            st.integers(-(10**15), 10**15).map(str), text()))  # fmt: skip
    if field.kind == "date":
        return mostly(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)).map(str),
                      st.one_of(st.dates().map(str), text()))  # fmt: skip
    if field.kind == "datetime-local":
        moments = st.datetimes().map(lambda d: d.strftime("%Y-%m-%dT%H:%M"))
        return mostly(st.just("2026-11-20T21:30"), st.one_of(moments, text()))
    if field.kind == "file":
        return st.builds(
            SimpleUploadedFile,
            st.sampled_from(["fil.pdf", "fil.csv", "fil.png", "fil.exe", "fil"]),
            st.one_of(
                st.binary(max_size=300), st.sampled_from([b"%PDF-1.7 x", b"\x89PNG\r\n\x1a\n"])
            ),
        )
    return mostly(st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö ", min_size=3, max_size=40),
                  text())  # fmt: skip


def form_data(form: Form) -> st.SearchStrategy[dict]:
    """Every field, as a browser sends them, and now and then one left out."""
    fields = {name: strategy_for(f) for name, f in form.fields.items() if name != FIELD}
    once = st.uuids().map(str)  # a fresh token each time, or the repeat would run no view
    complete = st.fixed_dictionaries({FIELD: once, **fields})
    return st.one_of(complete, complete, st.fixed_dictionaries({FIELD: once}, optional=fields))


def row_counts() -> dict[str, int]:
    tables = [m._meta.db_table for m in apps.get_models() if m._meta.db_table not in MAY_GROW
              and not m._meta.proxy and m._meta.managed]  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f'(SELECT count(*) FROM "{t}")' for t in tables))
        return dict(zip(tables, cursor.fetchone(), strict=True))


PAGES = sorted(name for name, (_build, answers) in ROWS.items()
               if 200 in answers.get("get", {}).values())  # fmt: skip


def openers(expected: dict) -> list:
    """Who the page opens for: each role let in, and each persona the page treats apart
    from its role (the case's owner on the case's page, say); the others' forms are their
    role's."""
    return [who for who, status in expected.items() if status == 200 and (
        who not in PERSONAS or expected[PERSONAS[who]] != 200)]  # fmt: skip


def fuzz(client, who, form: Form) -> None:
    """Send ``form`` filled by Hypothesis, and check each answer."""

    @settings(max_examples=6, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(form_data(form))
    def send(data):
        before = row_counts()
        response = client.post(form.action, data)
        assert response.status_code < 500, (who, form.action, data)
        if response.status_code >= 400:
            assert row_counts() == before, (who, form.action, "half-written")

    send()


def fuzz_page(client, who, url: str, query: dict) -> None:
    page = client.get(url, query)
    if page.streaming or not page["Content-Type"].startswith("text/html"):
        return  # an export, not a page with forms
    parser = FormParser(url)
    parser.feed(page.content.decode())
    for form in parser.forms:
        if not form.action.startswith(NOT_FUZZED):
            fuzz(client, who, form)


@pytest.mark.parametrize("name", PAGES)
def test_no_form_answers_a_server_error_or_half_writes(name, world):  # noqa: F811
    build, answers = ROWS[name]
    kwargs, query = build(world) if build else ({}, {})
    url = reverse(name, kwargs=kwargs)
    for who in openers(answers["get"]):
        fuzz_page(client_for(who, world), who, url, query)


def test_the_parser_reads_a_form_as_a_browser_would_send_it(world):  # noqa: F811
    from umebra.roles import Role

    client = client_for(Role.COORDINATOR)
    parser = FormParser("/efforts/new/")
    parser.feed(client.get("/efforts/new/").content.decode())
    (form,) = [f for f in parser.forms if f.action == "/efforts/new/"]
    assert form.fields["kind"].kind == "select" and "dialogue" in form.fields["kind"].options
    assert form.fields["areas"].kind in ("checkbox", "select-multiple")
    assert form.fields["areas"].options
    assert form.fields["date"].kind == "date"
    assert form.fields["description"].kind == "text"
