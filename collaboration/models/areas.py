"""Districts of the municipality."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.Model):
    """A district of the municipality (*område*): where efforts happen and figures are kept."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("short name"), max_length=100, unique=True)
    population = models.PositiveIntegerField(_("population"))
    boundary = models.JSONField(
        _("boundary"),
        null=True,
        blank=True,
        help_text=_("A GeoJSON polygon for maps, in WGS 84 coordinates."),
    )

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
