"""Real identity providers in processes of their own, for the single sign-on tests: the
OpenID Connect provider of oidc-provider-mock, and a SAML identity provider made with
pysaml2 (``tests/sso/saml_idp.py``)."""

import html
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import requests

HERE = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen) -> None:
    for _ in range(200):
        if process.poll() is not None:
            raise RuntimeError(f"the provider stopped: {process.stderr.read().decode()}")
        try:
            if requests.get(url, timeout=1).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"the provider did not answer at {url}")


class OidcProvider:
    """oidc-provider-mock: discovery, the code flow, its own login form, end of session."""

    def __init__(self) -> None:
        self.port = free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "oidc_provider_mock",
                "--port",
                str(self.port),
                "--require-nonce",
                "true",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        _wait_for(f"{self.issuer}/.well-known/openid-configuration", self.process)

    def person(self, sub: str, **claims) -> str:
        """A person the provider knows, with the claims its ID token will carry."""
        response = requests.put(f"{self.issuer}/users/{sub}", json=claims, timeout=5)
        response.raise_for_status()
        return sub

    def log_in(self, authorize_url: str, sub: str) -> str:
        """What the person does on the provider's page: chooses ``sub`` and sends the form.
        Returns where the provider sends the browser back to (our callback)."""
        response = requests.post(authorize_url, data={"sub": sub}, allow_redirects=False, timeout=5)
        assert response.status_code == 302, response.text
        return response.headers["Location"]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class SamlProvider:
    """The pysaml2 identity provider of ``saml_idp.py``, for a service provider at
    ``sp_base`` whose metadata ``write_sp_metadata`` writes before the process starts."""

    def __init__(self, workdir: Path, write_sp_metadata) -> None:
        from tests.sso import saml_idp

        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.metadata = saml_idp.write_metadata(self.base, workdir)
        write_sp_metadata(self.metadata, workdir / "sp.xml")
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(HERE / "saml_idp.py"),
                "--port",
                str(self.port),
                "--workdir",
                str(workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        _wait_for(f"{self.base}/logged-out", self.process)

    def log_in(self, login_url: str, subject: str, *, context: str, hsaid: str = "") -> dict:
        """What the person does at the provider: logs in as ``subject`` in the way
        ``context`` names. Returns the form the provider's page posts back to us."""
        query = {k: v[0] for k, v in parse_qs(urlsplit(login_url).query).items()}
        page = requests.get(login_url, timeout=5)
        assert page.ok and "Test IdP" in page.text
        response = requests.post(
            f"{self.base}/sso/login",
            data={**query, "subject": subject, "context": context, "hsaid": hsaid},
            timeout=10,
        )
        assert response.ok, response.text
        fields = dict(
            re.findall(r'name="(SAMLResponse|RelayState)" value="([^"]*)"', response.text)
        )
        action = re.search(r'action="([^"]+)"', response.text).group(1)
        return {"action": html.unescape(action), **{k: html.unescape(v) for k, v in fields.items()}}

    def logged_out(self) -> list[str]:
        return requests.get(f"{self.base}/logged-out", timeout=5).json()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
