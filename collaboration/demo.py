"""Demo areas: Umeå's districts with rounded populations."""

from django.utils.text import slugify

from collaboration.models import Area

AREAS = {
    "Centrum": 8200,
    "Ålidhem": 7100,
    "Ersboda": 7600,
    "Haga": 5400,
    "Holmsund": 6400,
    "Mariehem": 7000,
    "Teg": 9300,
    "Tomtebo": 4600,
}


def seed() -> None:
    for name, population in AREAS.items():
        Area.objects.update_or_create(
            slug=slugify(name), defaults={"name": name, "population": population}
        )
