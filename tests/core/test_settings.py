"""The settings module as each environment sees it, read in a fresh interpreter."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-long-random-production-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    "DJANGO_ALLOWED_HOSTS": "umebra.example.se",
    "DATABASE_URL": "postgres://umebra:secret@db:5432/umebra",
    "REDIS_URL": "redis://redis:6379/0",
}


def run(args, env, tmp_path):
    ours = ("DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    base = {k: v for k, v in os.environ.items() if k not in ours}
    return subprocess.run(
        [sys.executable, *args],
        env={**base, "UMEBRA_VAR_DIR": str(tmp_path / "var"), **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def read_settings(env, tmp_path, *names):
    code = (
        "import django, json; from django.conf import settings; django.setup(); "
        f"print(json.dumps({{n: str(getattr(settings, n)) for n in {list(names)!r}}}))"
    )
    result = run(["-c", code], {"DJANGO_SETTINGS_MODULE": "umebra.settings", **env}, tmp_path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_embedded_defaults_need_nothing_installed(tmp_path):
    values = read_settings({}, tmp_path, "DATABASES", "CELERY_BROKER_URL", "DEBUG")
    assert "sqlite3" in values["DATABASES"]
    assert str(tmp_path / "var" / "umebra.sqlite3") in values["DATABASES"]
    assert values["CELERY_BROKER_URL"] == "filesystem://"
    assert (tmp_path / "var" / "broker" / "queue").is_dir()
    assert values["DEBUG"] == "True"


def test_urls_switch_to_postgresql_and_redis(tmp_path):
    values = read_settings(PRODUCTION, tmp_path, "DATABASES", "CELERY_BROKER_URL", "UMEBRA_DEMO")
    assert "django.db.backends.postgresql" in values["DATABASES"]
    assert values["CELERY_BROKER_URL"] == "redis://redis:6379/0"
    assert values["UMEBRA_DEMO"] == "False"


def test_mail_is_printed_unless_email_url_names_a_server(tmp_path):
    names = ("EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_USE_TLS", "EMAIL_HOST_USER")
    unset = read_settings({"EMAIL_URL": ""}, tmp_path, "EMAIL_BACKEND")
    assert unset["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    server = read_settings(
        {"EMAIL_URL": "smtp+tls://umebra:secret@smtp.umea.example:587"}, tmp_path, *names
    )
    assert server == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.umea.example",
        "EMAIL_PORT": "587",
        "EMAIL_USE_TLS": "True",
        "EMAIL_HOST_USER": "umebra",
    }


def test_production_settings_pass_the_deployment_checklist(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION, tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = run(["manage.py", "check"], env, tmp_path)
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY when DJANGO_DEBUG=0" in result.stderr


def test_each_statement_is_planned_for_its_municipality_by_one_process(db):
    """The test database's own connection: PostgreSQL plans a prepared statement for its
    parameters each time, not once for an average municipality, and starts no parallel
    workers for a page's query (docs/benchmarks.md)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone()[0] == "force_custom_plan"
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"


def test_the_session_options_can_be_left_to_the_database(tmp_path):
    """Behind a pooler that refuses startup options, nothing is sent."""
    values = read_settings(PRODUCTION | {"DATABASE_SESSION_OPTIONS": ""}, tmp_path, "DATABASES")
    assert "plan_cache_mode" not in values["DATABASES"]
    values = read_settings(PRODUCTION, tmp_path, "DATABASES")
    assert "-c plan_cache_mode=force_custom_plan" in values["DATABASES"]
