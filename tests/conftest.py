"""Test set-up shared by every test: the real services, fast hashing, the browser."""

import os
import shutil

import pytest

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
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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


@pytest.fixture
def coordinator(client, db):
    """A coordinator, logged in with both factors on ``client``."""
    from tests.factories import OrganisationFactory, log_in, member
    from umebra.roles import Role

    user = member(Role.COORDINATOR, OrganisationFactory(name="Kommunledningen"))
    log_in(client, user)
    return user
