"""The production shape in docker-compose.yml: the services, their commands and checks."""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def services():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]


def command(service) -> str:
    value = service.get("command", "")
    return value if isinstance(value, str) else " ".join(value)


def test_the_production_shape_has_its_five_services(services):
    assert set(services) == {"web", "worker", "beat", "db", "redis"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("web", "gunicorn umebra.wsgi"),
        ("worker", "celery -A umebra worker"),
        ("beat", "celery -A umebra beat"),
    ],
)
def test_the_app_services_run_their_processes(services, name, expected):
    assert expected in command(services[name])
    environment = services[name]["environment"]
    assert environment["DJANGO_DEBUG"] == "0"
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert environment["REDIS_URL"].startswith("redis://redis:")


def test_every_service_has_a_health_check(services):
    for name, service in services.items():
        assert "test" in service.get("healthcheck", {}), name


def test_the_app_waits_for_healthy_backing_services(services):
    for name in ("web", "worker", "beat"):
        depends = services[name]["depends_on"]
        assert depends["db"]["condition"] == "service_healthy"
        assert depends["redis"]["condition"] == "service_healthy"


def test_the_database_keeps_its_data_in_a_volume(services):
    assert any("/var/lib/postgresql/data" in volume for volume in services["db"]["volumes"])


def test_the_worker_scales_by_replicas_and_beat_does_not(services):
    assert "container_name" not in services["worker"]
    assert services["beat"].get("deploy", {}).get("replicas", 1) == 1
