"""The public report form takes a bounded number of reports an hour from one client (its
address with its browser, as the lock-out counts them) and four times as many from one
address whatever browser it names, and over either bound keeps the reader's words
(docs/rules.md, rule 10)."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from umebra.accessibility.models import AccessibilityReport

pytestmark = pytest.mark.django_db

STATEMENT = reverse("accessibility-statement")
START = datetime.datetime(2026, 12, 3, 10, 5, tzinfo=datetime.UTC)
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"


def _report(number: int) -> dict[str, str]:
    return {"page": "Kartan", "problem": f"Problem nummer {number}: kartan saknar text."}


def _reader(address: str = "192.0.2.10", browser: str = BROWSER) -> Client:
    return Client(REMOTE_ADDR=address, HTTP_USER_AGENT=browser)


def test_the_sixth_report_in_an_hour_is_refused_with_the_text_kept():
    reader = _reader()
    with time_machine.travel(START, tick=False) as clock:
        for number in range(5):
            assert reader.post(STATEMENT, _report(number)).status_code == 302
        clock.shift(datetime.timedelta(minutes=40))
        response = reader.post(STATEMENT, _report(6))
    assert response.status_code == 429
    page = response.content.decode()
    assert "Din rapport skickades inte" in page
    assert "5 rapporter i timmen" in page
    assert "Problem nummer 6: kartan saknar text." in page  # nothing the reader wrote is lost
    assert AccessibilityReport.objects.count() == 5


def test_another_client_is_still_allowed():
    with time_machine.travel(START, tick=False):
        reader = _reader()
        for number in range(6):
            reader.post(STATEMENT, _report(number))
        # Another browser at the same address (a colleague in the same office), and another
        # address with the same browser, are clients of their own, within the address's bound.
        assert _reader(browser="Safari/605.1.15").post(STATEMENT, _report(7)).status_code == 302
        assert _reader(address="198.51.100.7").post(STATEMENT, _report(8)).status_code == 302
    assert AccessibilityReport.objects.count() == 7


def test_a_user_agent_changed_on_every_post_is_refused_after_the_address_bound():
    """The user agent is the sender's to write: a script that names a new browser on every
    post is bounded by its address, at four times the bound per client, so that an office
    behind one address may still send a few each."""
    with time_machine.travel(START, tick=False):
        statuses = [
            _reader(browser=f"Script/{number}").post(STATEMENT, _report(number)).status_code
            for number in range(20)
        ]
        refused = _reader(browser="Script/20").post(STATEMENT, _report(20))
        elsewhere = _reader(address="198.51.100.7").post(STATEMENT, _report(21))
    assert statuses == [302] * 20
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Din rapport skickades inte" in page
    assert "20 rapporter i timmen från samma nätverk" in page
    assert "Problem nummer 20: kartan saknar text." in page  # nothing the reader wrote is lost
    assert elsewhere.status_code == 302
    assert AccessibilityReport.objects.count() == 21


def test_a_client_over_its_own_bound_spends_nothing_of_its_address():
    """One reader sending again and again, refused, does not shut out the colleagues behind
    the same address."""
    with time_machine.travel(START, tick=False):
        reader = _reader()
        for number in range(30):
            reader.post(STATEMENT, _report(number))
        colleagues = [
            _reader(browser=f"Colleague/{number}").post(STATEMENT, _report(number)).status_code
            for number in range(15)
        ]
    assert colleagues == [302] * 15
    assert AccessibilityReport.objects.count() == 20


def test_the_address_bound_follows_the_configured_limit(settings):
    settings.UMEBRA_ACCESSIBILITY_REPORT_LIMIT = 1
    with time_machine.travel(START, tick=False):
        statuses = [
            _reader(browser=f"Script/{n}").post(STATEMENT, _report(n)).status_code for n in range(5)
        ]
    assert statuses == [302, 302, 302, 302, 429]


def test_after_the_hour_the_client_may_report_again():
    reader = _reader()
    with time_machine.travel(START, tick=False) as clock:
        for number in range(5):
            reader.post(STATEMENT, _report(number))
        assert reader.post(STATEMENT, _report(5)).status_code == 429
        clock.shift(datetime.timedelta(hours=1))
        assert reader.post(STATEMENT, _report(6)).status_code == 302
    assert AccessibilityReport.objects.count() == 6


def test_the_client_behind_a_proxy_is_the_address_the_proxy_saw(settings):
    """Behind UMEBRA_PROXY_COUNT proxies every request comes from the proxy's address: the
    client is the one the proxy added to X-Forwarded-For, as for the lock-out, so that the
    proxy is not one client for everyone, and an address the client wrote there itself
    changes nothing."""
    settings.AXES_IPWARE_PROXY_COUNT = 1
    settings.AXES_IPWARE_PROXY_ORDER = "right-most"
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    proxy = _reader("10.0.0.2")
    with time_machine.travel(START, tick=False):
        for number in range(5):
            forged = f"198.51.100.{number}, 203.0.113.5"  # a new forged address each time
            assert (
                proxy.post(STATEMENT, _report(number), HTTP_X_FORWARDED_FOR=forged).status_code
                == 302
            )
        refused = proxy.post(STATEMENT, _report(5), HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.5")
        other = proxy.post(STATEMENT, _report(6), HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.9")
    assert (refused.status_code, other.status_code) == (429, 302)


def test_the_limit_is_configured(settings):
    settings.UMEBRA_ACCESSIBILITY_REPORT_LIMIT = 2
    reader = _reader()
    with time_machine.travel(START, tick=False):
        statuses = [reader.post(STATEMENT, _report(n)).status_code for n in range(3)]
    assert statuses == [302, 302, 429]


def test_a_form_with_errors_spends_nothing():
    reader = _reader()
    with time_machine.travel(START, tick=False):
        for _ in range(6):
            assert reader.post(STATEMENT, {"page": "", "problem": ""}).status_code == 400
        assert reader.post(STATEMENT, _report(1)).status_code == 302
