"""Which providers this installation has, read from the settings at each use (so a test, or
a reload, may change them), and what counts as a multi-factor login."""

from django.conf import settings

from umebra.sso.models import Provider


def oidc_enabled() -> bool:
    return bool(settings.UMEBRA_OIDC_ISSUER and settings.UMEBRA_OIDC_CLIENT_ID)


def saml_enabled() -> bool:
    return bool(settings.UMEBRA_SAML_METADATA and settings.UMEBRA_SAML_ENTITY_ID)


def enabled_providers() -> list[Provider]:
    """The providers the login page offers, OpenID Connect first."""
    return [
        provider
        for provider, on in ((Provider.OIDC, oidc_enabled()), (Provider.SAML, saml_enabled()))
        if on
    ]


def multi_factor(asserted: list[str]) -> bool:
    """Whether any of the values a provider asserted about how the person logged in (OIDC's
    ``acr`` and ``amr``, SAML's AuthnContextClassRef) is one the municipality counts as
    multi-factor (``UMEBRA_SSO_MFA_VALUES``). An unknown value counts as one factor."""
    configured = {value.strip() for value in settings.UMEBRA_SSO_MFA_VALUES} - {""}
    # An absent acr reads as "": it never matches, even if the setting was left empty.
    return bool({value.strip() for value in asserted} & configured)
