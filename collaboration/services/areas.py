"""Writes of areas (districts)."""

from django.db import transaction

from collaboration.models import Area
from umebra.access import Actor
from umebra.saving import save_validated
from umebra.tenancy import municipality_for


@transaction.atomic
def area_create(
    *, actor: Actor, name: str, slug: str, population: int, boundary: dict | None = None
) -> Area:
    """A district of the actor's municipality."""
    area = Area(municipality=municipality_for(actor))
    return area_update(
        actor=actor, area=area, name=name, slug=slug, population=population, boundary=boundary
    )


@transaction.atomic
def area_update(
    *, actor: Actor, area: Area, name: str, slug: str, population: int, boundary: dict | None
) -> Area:
    """Change a district; it stays in its municipality."""
    fields = {"name": name, "slug": slug, "population": population, "boundary": boundary}
    return save_validated(area, fields)
