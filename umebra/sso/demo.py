"""The demo's logins through its identity provider: `make run` starts oidc-provider-mock
beside the web server (Procfile.dev), and each demo user is linked to the subject of the
same name there. The auditors' and administrators' accounts are not: the command that
links in bulk refuses another's oversight account, and so does the demo, which links as the
installation itself."""

from django.core.exceptions import PermissionDenied

from umebra.access import SYSTEM
from umebra.models import User
from umebra.sso.models import ExternalIdentity, Provider
from umebra.sso.services import external_identity_create


def seed() -> None:
    for user in User.objects.exclude(external_identities__provider=Provider.OIDC):
        if ExternalIdentity.objects.filter(provider=Provider.OIDC, subject=user.username).exists():
            continue
        try:
            external_identity_create(
                actor=SYSTEM, user=user, provider=Provider.OIDC, subject=user.username
            )
        except PermissionDenied:
            continue
