"""Test set-up shared by every test: the real services, fast hashing, the browser."""

import os
import shutil

import pytest
from django.conf import settings as django_settings
from django.utils import translation

from tests.personas import DEMO_ORGANISATIONS, demo_organisation, persona
from tests.sso.providers import OidcProvider
from umebra.roles import Role

# The sync Playwright API runs an event loop in the test's thread; Django's ORM calls made
# beside it (fixtures, assertions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session", autouse=True)
def _real_services(django_db_setup):
    """The suite runs against PostgreSQL and Redis, never the embedded development defaults."""
    from django.conf import settings
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.exit("Tests need PostgreSQL: run `make test` or set DATABASE_URL.", returncode=2)
    if not settings.CELERY_BROKER_URL.startswith("redis"):
        pytest.exit("Tests need Redis: run `make test` or set REDIS_URL.", returncode=2)


@pytest.fixture(scope="session", autouse=True)
def _a_queue_of_our_own():
    """Jobs enqueued by tests go to a queue no real worker reads; a test that wants a
    worker starts one on a queue of its own (tests.workers)."""
    import uuid

    from umebra import celery_app

    celery_app.conf.task_default_queue = f"test-unread-{uuid.uuid4().hex}"


@pytest.fixture(autouse=True)
def _a_cache_of_its_own(settings):
    """Each test counts in the real cache (Redis) under a prefix of its own, so that no
    test, nor a run an hour before, has spent another's limit (umebra.throttle)."""
    import uuid

    settings.CACHES = {
        name: cache | {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
        for name, cache in django_settings.CACHES.items()
    }


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _swedish_after_each_test():
    """A page asked for in English leaves English active in the thread (LocaleMiddleware
    activates, nothing deactivates): later tests reading a service's Swedish message would
    read it in English."""
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium; Playwright cannot download its own browser here."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--headless",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


class SmtpServer:
    """A real SMTP server (aiosmtpd) on a free port, which keeps what it accepts and can be
    stopped and started again to play a mail server that is down."""

    def __init__(self) -> None:
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.received: list[bytes] = []
        self._controller = None

    async def handle_DATA(self, server, session, envelope):
        self.received.append(envelope.original_content)
        return "250 Message accepted"

    def start(self) -> None:
        from aiosmtpd.controller import Controller

        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp_server(settings):
    """Mail goes over SMTP to a server of the test's own, running when the test starts."""
    server = SmtpServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


@pytest.fixture(scope="session")
def oidc_process():
    provider = OidcProvider()
    yield provider
    provider.stop()


@pytest.fixture
def oidc_provider(oidc_process, settings):
    """The OpenID Connect provider, configured as the municipality's."""
    settings.UMEBRA_OIDC_ISSUER = oidc_process.issuer
    settings.UMEBRA_OIDC_CLIENT_ID = "umebra"
    settings.UMEBRA_OIDC_CLIENT_SECRET = "umebra-secret"
    return oidc_process


@pytest.fixture
def orgs(db):
    """The demo organisations, by what they are: ``orgs["police"]`` is Polisen LPO Umeå."""
    return {key: demo_organisation(name) for key, name in DEMO_ORGANISATIONS.items()}


# The demo personas (tests.personas), one fixture per role, as healthchecks' alice, bob and
# charlie: who a test acts as, at a glance. Each is a user with a membership in their demo
# organisation; ``log_in(client, police)`` logs one in. The coordinator, whom most pages are
# for, comes logged in on ``client``.
@pytest.fixture
def coordinator(client, db):
    """``samordnare`` at Umebrå, logged in with both factors on ``client``."""
    from tests.factories import log_in

    user = persona(Role.COORDINATOR)
    log_in(client, user)
    return user


@pytest.fixture
def social_worker(db):
    """``socialsekreterare`` at Socialtjänsten."""
    return persona(Role.SOCIAL_WORKER)


@pytest.fixture
def school_staff(db):
    """``skolkurator`` at Ersängsskolan."""
    return persona(Role.SCHOOL_STAFF)


@pytest.fixture
def police(db):
    """``polis`` at Polisen LPO Umeå."""
    return persona(Role.POLICE)


@pytest.fixture
def agency_inspector(db):
    """``skatteverket`` at Skatteverket."""
    return persona(Role.AGENCY_INSPECTOR)


@pytest.fixture
def partner(db):
    """``fastighet`` at Bostaden AB, a property owner (one factor)."""
    return persona(Role.PARTNER)


@pytest.fixture
def politician(db):
    """``politiker`` at Umeå kommun (one factor)."""
    return persona(Role.POLITICIAN)


@pytest.fixture
def auditor(db):
    """``dataskydd`` at Umeå kommun."""
    return persona(Role.AUDITOR)


@pytest.fixture
def admin(db):
    """``admin`` at Umeå kommun, the system administrator."""
    return persona(Role.ADMIN)
