"""A SAML 2.0 identity provider made with pysaml2, for the single sign-on tests.

Run as a process of its own (``python tests/sso/saml_idp.py serve …``). Its login page asks
which person logs in and how (the AuthnContextClassRef it then asserts), as a real provider
would decide from its own login; it signs its responses and assertions with a key made for
the test run, answers single logout, and tells the test whose sessions it has ended.
"""

import argparse
import datetime
import html
import json
import shutil
import sys
import traceback
from pathlib import Path
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, make_server

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.metadata import create_metadata_string
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_PERSISTENT, NameID
from saml2.server import Server
from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256


def _key_and_certificate(workdir: Path) -> tuple[Path, Path]:
    key_path, cert_path = workdir / "idp.key", workdir / "idp.crt"
    if key_path.exists():
        return key_path, cert_path
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test IdP")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


def idp_config(base: str, workdir: Path, *, with_sp: bool) -> IdPConfig:
    key, cert = _key_and_certificate(workdir)
    conf = {
        "entityid": f"{base}/metadata",
        "xmlsec_binary": shutil.which("xmlsec1"),
        "key_file": str(key),
        "cert_file": str(cert),
        "metadata": {"local": [str(workdir / "sp.xml")]} if with_sp else {},
        "allow_unknown_attributes": True,
        # As identity providers sign today; pysaml2's default is still SHA-1.
        "signing_algorithm": SIG_RSA_SHA256,
        "digest_algorithm": DIGEST_SHA256,
        "service": {
            "idp": {
                "name": "Test IdP",
                "endpoints": {
                    "single_sign_on_service": [(f"{base}/sso/redirect", BINDING_HTTP_REDIRECT)],
                    "single_logout_service": [(f"{base}/slo/redirect", BINDING_HTTP_REDIRECT)],
                },
                "policy": {
                    "default": {
                        "lifetime": {"minutes": 15},
                        "attribute_restrictions": None,
                        "name_form": NAME_FORMAT_URI,
                    }
                },
                "name_id_format": [NAMEID_FORMAT_PERSISTENT],
                "sign_response": True,
                "sign_assertion": True,
            }
        },
    }
    config = IdPConfig()
    config.load(conf)
    return config


def write_metadata(base: str, workdir: Path) -> Path:
    """The provider's metadata, which the service provider is configured with."""
    path = workdir / "idp.xml"
    path.write_bytes(create_metadata_string(None, config=idp_config(base, workdir, with_sp=False)))
    return path


LOGIN_FORM = """<!DOCTYPE html><html lang="en"><head><title>Test IdP</title></head><body>
<h1>Test IdP: log in</h1>
<form method="post" action="/sso/login">
<input type="hidden" name="SAMLRequest" value="{request}">
<input type="hidden" name="RelayState" value="{relay}">
<label>Subject <input name="subject"></label>
<label>How <select name="context">
<option value="http://id.elegnamnden.se/loa/1.0/loa3">e-legitimation (loa3)</option>
<option value="urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport">password</option>
</select></label>
<label>HSA-id <input name="hsaid"></label>
<button type="submit">Log in</button>
</form></body></html>"""


class IdentityProvider:
    def __init__(self, base: str, workdir: Path) -> None:
        self.server = Server(config=idp_config(base, workdir, with_sp=True))
        self.logged_out: list[str] = []

    def __call__(self, environ, start_response):
        try:
            return self._route(environ, start_response)
        except Exception:  # the test reads what went wrong in the answer
            return self._answer(start_response, "500 Internal Server Error", traceback.format_exc())

    def _route(self, environ, start_response):
        path = environ["PATH_INFO"]
        query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        if environ["REQUEST_METHOD"] == "POST":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            form = {
                k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(length).decode()).items()
            }
        if path == "/sso/redirect":
            page = LOGIN_FORM.format(
                request=html.escape(query["SAMLRequest"]),
                relay=html.escape(query.get("RelayState", "")),
            )
            return self._answer(start_response, "200 OK", page)
        if path == "/sso/login":
            return self._login(start_response, form)
        if path == "/slo/redirect":
            return self._logout(start_response, query)
        if path == "/logged-out":
            return self._answer(start_response, "200 OK", json.dumps(self.logged_out))
        return self._answer(start_response, "404 Not Found", "not here")

    def _login(self, start_response, form: dict):
        request = self.server.parse_authn_request(form["SAMLRequest"], BINDING_HTTP_REDIRECT)
        args = self.server.response_args(request.message, [BINDING_HTTP_POST])
        binding = args.pop("binding")
        identity = {"hsaid": [form["hsaid"]]} if form.get("hsaid") else {}
        response = self.server.create_authn_response(
            identity,
            name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text=form["subject"]),
            authn={"class_ref": form["context"], "authn_auth": self.server.config.entityid},
            sign_response=True,
            sign_assertion=True,
            **args,
        )
        http = self.server.apply_binding(
            binding, str(response), args["destination"], form.get("RelayState", ""), response=True
        )
        return self._answer(start_response, "200 OK", _body(http))

    def _logout(self, start_response, query: dict):
        request = self.server.parse_logout_request(query["SAMLRequest"], BINDING_HTTP_REDIRECT)
        self.logged_out.append(request.message.name_id.text)
        response = self.server.create_logout_response(request.message, [BINDING_HTTP_REDIRECT])
        destination = self.server.metadata.single_logout_service(
            request.message.issuer.text, BINDING_HTTP_REDIRECT, "spsso"
        )[0]["location"]
        http = self.server.apply_binding(
            BINDING_HTTP_REDIRECT,
            str(response),
            destination,
            query.get("RelayState", ""),
            response=True,
        )
        location = dict(http["headers"])["Location"]
        start_response("302 Found", [("Location", location)])
        return [b""]

    @staticmethod
    def _answer(start_response, status: str, body: str):
        start_response(status, [("Content-Type", "text/html; charset=utf-8")])
        return [body.encode()]


def _body(http: dict) -> str:
    data = http["data"]
    return data if isinstance(data, str) else "".join(data)


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workdir", type=Path, required=True)
    options = parser.parse_args()
    base = f"http://127.0.0.1:{options.port}"
    with make_server(
        "127.0.0.1", options.port, IdentityProvider(base, options.workdir), handler_class=_Quiet
    ) as server:
        print("ready", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
