"""The validity period that memberships, consents, cooperation agreements and undertakings
share: from ``valid_from`` to ``valid_to``, both days included.

One abstract model, so the rule "it ends on or after it begins" is written once for the
forms (``clean``) and once for the database (:func:`period_ordered`). A model whose period
starts today by default, or has an open end, redeclares that field with the same name and
verbose name, which keeps its table as it was. (A LOS operation's period is ``starts_on`` to
``ends_on``: it uses :func:`umebra.validators.period_errors` directly rather than rename its
columns.)
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from umebra.validators import period_errors


class ValidityPeriod(models.Model):
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"))

    class Meta:
        abstract = True

    def period_errors(self) -> dict:
        """The period's error, for a ``clean`` that gathers others beside it."""
        return period_errors(self.valid_from, self.valid_to, "valid_to")

    def clean(self) -> None:
        super().clean()
        if errors := self.period_errors():
            raise ValidationError(errors)


def period_ordered(name: str, *, open_end: bool = False) -> models.CheckConstraint:
    """The database's half of the rule, named per table (a ``valid_to`` left empty, where
    the model allows it, is an open end)."""
    ordered = Q(valid_to__gte=F("valid_from"))
    return models.CheckConstraint(
        condition=Q(valid_to__isnull=True) | ordered if open_end else ordered, name=name
    )
