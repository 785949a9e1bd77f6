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
from django.db import connection, transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.test_url_matrix import (  # noqa: F401 - world is a fixture
    PERSONAS,
    ROWS,
    client_for,
    pk_of,
    world,
)
from umebra.submissions import FIELD

pytestmark = pytest.mark.django_db

# Forms that change the session itself, not the data: fuzzing them would log the client out.
NOT_FUZZED = ("/logout/", "/i18n/", "/login/")
# Tables whose rows a refused request may still add: the access log records refusals (its
# events and the municipalities they name).
MAY_GROW = {"audit_accessevent", "audit_eventmunicipality", "django_session", "umebra_submission"}

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
# Pages with nothing of their own to fuzz: lists and details with no POST form (their filters
# are GET forms), exports, and the login steps. A test below holds them to it, so a form
# added to one of them is fuzzed once it is taken off this list.
NOTHING_TO_FUZZ = {
    "accessibility-report-list", "audit:event-detail", "cases:case-list", "cases:operation-list",
    "collaboration:agreement-detail", "collaboration:agreement-list", "collaboration:area-list",
    "collaboration:cycle-overview", "collaboration:effort-detail", "collaboration:effort-export",
    "collaboration:effort-list", "collaboration:fund-detail", "collaboration:fund-list",
    "collaboration:group-list", "collaboration:indicator-detail", "collaboration:indicator-list",
    "collaboration:observation-list", "collaboration:open-data", "collaboration:open-data-csv",
    "collaboration:open-data-json", "collaboration:public-promises",
    "collaboration:municipality-promises", "collaboration:municipality-open-data-json",
    "collaboration:municipality-open-data-csv",
    "collaboration:undertaking-detail", "healthz", "organisation-list", "reports:cycle",
    "reports:report-download",
    "role-review", "login", "password-confirm", "two-factor-backup-codes", "two-factor-enrol",
    "two-factor-verify",
}  # fmt: skip
# Pages whose forms are buttons alone, with nothing to draw: each is still sent.
ONLY_BUTTONS = {
    "home", "reports:report-detail", "collaboration:follow-up-preview",
    "collaboration:undertaking-preview",
}  # fmt: skip
# Pages fuzzed on another object of the world than the matrix opens: a failed report's page
# offers to try again, a finished one's has no form.
OBJECTS = {"reports:report-detail": pk_of("failed_report")}


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


def page_url(name: str, objects) -> tuple[str, dict]:
    build = OBJECTS.get(name, ROWS[name][0])
    kwargs, query = build(objects) if build else ({}, {})
    return reverse(name, kwargs=kwargs), query


def forms_on(client, who, url: str, query: dict) -> list[Form]:
    """The forms to fuzz on the page, which must have opened."""
    page = client.get(url, query)
    assert page.status_code == 200, (who, url, page.status_code)
    if page.streaming or not page["Content-Type"].startswith("text/html"):
        return []  # an export, not a page with forms
    parser = FormParser(url)
    parser.feed(page.content.decode())
    return [form for form in parser.forms if not form.action.startswith(NOT_FUZZED)]


def drawn(form: Form) -> int:
    """How many of the form's fields Hypothesis draws, or leaves out (its tokens aside)."""
    return len(form.fields.keys() - {FIELD, "csrfmiddlewaretoken"})


def openers(expected: dict) -> list:
    """Who the page opens for: each role let in, then each persona it opens for."""
    return [who for who, status in expected.items() if status == 200]


@pytest.mark.parametrize("name", sorted(set(PAGES) - NOTHING_TO_FUZZ))
def test_no_form_answers_a_server_error_or_half_writes(name, world):  # noqa: F811
    """Each role the page opens for fuzzes its forms, and each persona whose page shows
    other forms than their role's (a case's owner on the case's page, say), each in a world
    as it was: what one wrote (a consent revoked, a membership ended) is undone before the
    next. A form page shows its own form to everyone it takes a form from, and the page
    fuzzes something."""
    url, query = page_url(name, world)
    answers = ROWS[name][1]
    shown, sent, fields = {}, 0, 0
    for who in openers(answers["get"]):
        with transaction.atomic():
            client = client_for(who, world)
            forms = forms_on(client, who, url, query)
            shown[who] = sorted((form.action, sorted(form.fields)) for form in forms)
            if answers.get("post", {}).get(who) == 400:
                assert url in [form.action for form in forms], (who, "its own form missing")
            # A persona shown the same forms as their role was fuzzed as the role.
            if who not in PERSONAS or shown[who] != shown.get(PERSONAS[who]):
                for form in forms:
                    fuzz(client, who, form)
                    sent, fields = sent + 1, fields + drawn(form)
            transaction.set_rollback(True)
    assert sent > 0, "no form reached: a wrong URL, persona or object?"
    assert fields > 0 or name in ONLY_BUTTONS, "no field fuzzed"


@pytest.mark.parametrize("name", sorted(NOTHING_TO_FUZZ))
def test_the_pages_left_unfuzzed_have_no_field_to_fuzz(name, world):  # noqa: F811
    assert name in PAGES, "a page that no longer opens to anyone"
    url, query = page_url(name, world)
    for who in openers(ROWS[name][1]["get"]):
        forms = forms_on(client_for(who, world), who, url, query)
        assert sum(map(drawn, forms)) == 0, (who, [form.action for form in forms])


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
