"""Linking a login at the identity provider to an account (issue 19): only the
administrator does it, in the admin; each link is in the access log, linking an account in
use alerts the auditors, and another's oversight account is refused, as its password is."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import log_in, member
from umebra.audit.models import AccessAlert, AccessEvent
from umebra.roles import Role
from umebra.sso.models import ExternalIdentity

pytestmark = pytest.mark.django_db


def link(client, user, subject="SE2321000214-X1"):
    return client.post(
        reverse("admin:sso_externalidentity_add"),
        {"user": user.pk, "provider": "oidc", "subject": subject},
    )


# who opens the admin's list of links × answer (written out: not taken from the policy)
OPENERS = [
    (Role.ADMIN, 200),
    (Role.AUDITOR, 302),
    (Role.COORDINATOR, 302),
    (Role.SOCIAL_WORKER, 302),
    (Role.POLITICIAN, 302),
]


@pytest.mark.parametrize(("role", "status"), OPENERS, ids=[str(r) for r, _s in OPENERS])
def test_only_the_administrator_keeps_the_links(client, role, status):
    log_in(client, member(role))
    assert client.get(reverse("admin:sso_externalidentity_changelist")).status_code == status


# whose account the administrator links × made? × auditors alerted?
TARGETS = [
    ("a new account", Role.SOCIAL_WORKER, False, True, False),
    ("an account in use", Role.SOCIAL_WORKER, True, True, True),
    ("another administrator's", Role.ADMIN, True, False, False),
    ("an auditor's", Role.AUDITOR, False, False, False),
]


@pytest.mark.parametrize(
    ("whose", "role", "in_use", "made", "alerted"), TARGETS, ids=[t[0] for t in TARGETS]
)
def test_the_administrator_links_a_login_to_an_account(client, whose, role, in_use, made, alerted):
    administrator = member(Role.ADMIN)
    log_in(client, administrator)
    target = member(role, last_login=timezone.now() if in_use else None)

    response = link(client, target)
    assert ExternalIdentity.objects.filter(user=target).exists() is made
    if made:
        assert response.status_code == 302
        logged = AccessEvent.objects.filter(object_type="sso.externalidentity", action="create")
        assert list(logged.values_list("username", "reason")) == [
            (administrator.username, "provider login linked")
        ]
    else:
        assert response.status_code == 200
        assert "från sin innehavare" in response.content.decode()
    assert AccessAlert.objects.filter(user=target).exists() is alerted


def test_an_identifier_logs_in_one_account_only(client):
    log_in(client, member(Role.ADMIN))
    first, second = member(Role.POLICE), member(Role.POLICE)
    assert link(client, first, "SE-same").status_code == 302
    assert link(client, second, "SE-same").status_code == 200
    assert not ExternalIdentity.objects.filter(user=second).exists()


def test_the_it_departments_list_links_many_at_once(tmp_path, capsys):
    """``manage.py sso_link``: each row linked through the same service, those it cannot
    link named, and a second run changes nothing."""
    from django.core.management import call_command

    social, police = member(Role.SOCIAL_WORKER), member(Role.POLICE)
    auditor, taken = member(Role.AUDITOR), member(Role.SCHOOL_STAFF)
    ExternalIdentity.objects.create(user=taken, provider="saml", subject="SE-TAKEN")
    listing = tmp_path / "hsa.csv"
    listing.write_text(
        "\ufeff"  # as Excel saves it
        f"{social.username};SE-SOC-1\n"
        f"{police.username};SE-POL-1\n"
        "nobody;SE-NOBODY\n"
        f"{auditor.username};SE-AUD-1\n"
        f"{police.username};SE-TAKEN\n",
        encoding="utf-8",
    )

    with pytest.raises(SystemExit) as exit:
        call_command("sso_link", str(listing), provider="saml")
    assert exit.value.code == 1
    out, err = capsys.readouterr()
    assert "Linked 2, already linked 0, refused 3." in out
    assert "row 3: no account 'nobody'" in err
    assert "row 4:" in err and "row 5:" in err and "linked to another account" in err
    links = set(ExternalIdentity.objects.values_list("user__username", "subject"))
    assert links == {
        (social.username, "SE-SOC-1"),
        (police.username, "SE-POL-1"),
        (taken.username, "SE-TAKEN"),
    }
    assert AccessEvent.objects.filter(object_type="sso.externalidentity").count() == 2

    with pytest.raises(SystemExit):
        call_command("sso_link", str(listing), provider="saml")
    assert "Linked 0, already linked 2, refused 3." in capsys.readouterr().out


def test_linking_asks_for_the_password_again_as_setting_one_does(client, settings):
    settings.UMEBRA_REAUTH_MINUTES = 0
    log_in(client, member(Role.ADMIN))
    session = client.session
    session["umebra_password_checked_at"] = 0
    session.save()
    target = member(Role.SOCIAL_WORKER)

    response = link(client, target)
    assert response.status_code == 302
    assert response.url.startswith(reverse("password-confirm"))
    assert not ExternalIdentity.objects.filter(user=target).exists()
