"""Single sign-on: the municipality's identity provider proves who someone is.

OpenID Connect (mozilla-django-oidc) and SAML 2.0 (djangosaml2 on pysaml2), each switched on
by its settings (``UMEBRA_OIDC_*``, ``UMEBRA_SAML_*``). The provider never gives a role:
roles stay memberships in Umebrå, given as ``MembershipPolicy`` says. A person is matched by
a stable identifier the provider asserts (``sub``, the SAML NameID, or a configured claim such
as the HSA-id) that an administrator has linked to their account (``ExternalIdentity``), never
by e-mail. When the provider says the login used several factors at the configured level,
the session counts as verified and Umebrå does not ask its own code again.
"""
