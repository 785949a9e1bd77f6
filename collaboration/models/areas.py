"""Districts of the municipality."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from umebra.tenancy import tenant_field


def validate_boundary(value) -> None:
    """A GeoJSON Polygon or MultiPolygon in WGS 84, with closed rings."""
    if value in (None, ""):
        return
    if not isinstance(value, dict) or value.get("type") not in ("Polygon", "MultiPolygon"):
        raise ValidationError(_("The boundary must be a GeoJSON Polygon or MultiPolygon."))
    polygons = value.get("coordinates")
    if value["type"] == "Polygon":
        polygons = [polygons]
    try:
        rings = [ring for polygon in polygons for ring in polygon]
        for ring in rings:
            if len(ring) < 4 or ring[0] != ring[-1]:
                raise ValidationError(
                    _("Each ring needs at least four points and must end where it begins.")
                )
            for lon, lat in ring:
                if not (-180 <= float(lon) <= 180 and -90 <= float(lat) <= 90):
                    raise ValidationError(
                        _("Coordinates are longitude, latitude in degrees (WGS 84).")
                    )
    except (TypeError, ValueError) as error:
        raise ValidationError(_("The boundary's coordinates cannot be read.")) from error


class Area(models.Model):
    """A district of the municipality (*område*): where efforts happen and figures are kept."""

    municipality = tenant_field()
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("short name"), max_length=100)
    population = models.PositiveIntegerField(_("population"))
    boundary = models.JSONField(
        _("boundary"),
        null=True,
        blank=True,
        help_text=_("A GeoJSON polygon for maps, in WGS 84 coordinates."),
        validators=[validate_boundary],
    )

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="area_name_unique"),
            models.UniqueConstraint(fields=["municipality", "slug"], name="area_slug_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def per_thousand(self, count: int) -> float | None:
        """``count`` per 1,000 of the area's residents, None where nobody lives there: the
        one rate the local picture and the reports both show, so they cannot differ."""
        return 1000 * count / self.population if self.population else None
