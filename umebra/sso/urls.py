from django.urls import path

from umebra.sso import oidc, saml, views

urlpatterns = [
    path("refused/", views.refused_view, name="sso-refused"),
    path("oidc/login/", oidc.LoginView.as_view(), name="oidc_authentication_init"),
    path("oidc/callback/", oidc.CallbackView.as_view(), name="oidc_authentication_callback"),
    # The names djangosaml2 reverses itself.
    path("saml/login/", saml.LoginView.as_view(), name="saml2_login"),
    path("saml/acs/", saml.AssertionConsumerView.as_view(), name="saml2_acs"),
    path("saml/ls/", saml.LogoutServiceView.as_view(), name="saml2_ls"),
    path("saml/ls/post/", saml.LogoutServiceView.as_view(), name="saml2_ls_post"),
    path("saml/metadata/", saml.MetadataView.as_view(), name="saml2_metadata"),
]
