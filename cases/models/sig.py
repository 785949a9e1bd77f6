"""SIG cases (*sociala insatsgrupper*): consent-based work with a young person at risk.

Social services own a case. Anyone else sees it only while a valid consent covers their
organisation and they hold a grant (a django-guardian object permission in a table with a
direct foreign key to the case, so that filtering stays fast at a million rows).
"""

import datetime

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from guardian.models import UserObjectPermissionBase

from collaboration.models import Area
from umebra.models import Organisation
from umebra.tenancy import tenant_field
from umebra.validators import birth_date_of, validate_personal_number
from umebra.validity import ValidityPeriod, period_ordered
from umebra.workflow import Transitions

ADULT_AGE = 18


class Person(models.Model):
    """The young person a case is about, in the register of the organisation whose cases
    hold them. Personal data: purged with the case.

    Each organisation keeps its own register (secrecy holds between authorities, OSL): the
    same personal number in two organisations is two records, and neither is linked to or
    reveals the other. The register extract finds every record of a number.
    """

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("register of"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=200)
    # NULL once purged, so that it stays unique among the people still on record.
    personal_number = models.CharField(  # noqa: DJ001
        _("personal identity number"),
        max_length=13,
        null=True,
        validators=[validate_personal_number],
        help_text=_("YYYYMMDD-NNNN"),
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("young person")
        verbose_name_plural = _("young people")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "personal_number"], name="person_once_per_register"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def birth_date(self) -> datetime.date | None:
        return birth_date_of(self.personal_number) if self.personal_number else None

    def age_on(self, day: datetime.date) -> int | None:
        born = self.birth_date
        if born is None:
            return None
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class Guardian(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="guardians")
    name = models.CharField(_("name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("guardian")
        verbose_name_plural = _("guardians")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class CaseStatus(models.TextChoices):
    REFERRAL = "referral", _("Referral")
    AWAITING_CONSENT = "awaiting_consent", _("Awaiting consent")
    ACTIVE = "active", _("Active")
    CLOSED = "closed", _("Closed")
    PURGED = "purged", _("Purged")


# Active and awaiting consent follow the consents (``cases.services.sig.case_status_reconcile``):
# a case moves between them as a consent comes into force or ends, and a person chooses
# only the steps the consents allow (``case_status_choices``).
CASE_TRANSITIONS: Transitions = {
    CaseStatus.REFERRAL: frozenset(
        {CaseStatus.AWAITING_CONSENT, CaseStatus.ACTIVE, CaseStatus.CLOSED}
    ),
    CaseStatus.AWAITING_CONSENT: frozenset({CaseStatus.ACTIVE, CaseStatus.CLOSED}),
    CaseStatus.ACTIVE: frozenset({CaseStatus.AWAITING_CONSENT, CaseStatus.CLOSED}),
    CaseStatus.CLOSED: frozenset(
        {CaseStatus.AWAITING_CONSENT, CaseStatus.ACTIVE, CaseStatus.PURGED}
    ),
    CaseStatus.PURGED: frozenset(),
}
# The statuses that follow the consents, never set against them.
CONSENT_STATUSES = frozenset({CaseStatus.AWAITING_CONSENT, CaseStatus.ACTIVE})


class SigCase(models.Model):
    # Social services' registers and cases never cross a municipality's border.
    municipality = tenant_field()
    person = models.ForeignKey(
        Person, verbose_name=_("young person"), on_delete=models.PROTECT, related_name="cases"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="owned_cases",
    )
    owner_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("owning organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.REFERRAL
    )
    opened_on = models.DateField(_("opened"), default=timezone.localdate)
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    last_entry_at = models.DateTimeField(_("last entry"), default=timezone.now)

    class Meta:
        verbose_name = _("SIG case")
        verbose_name_plural = _("SIG cases")
        ordering = ["-opened_on", "-id"]
        indexes = [
            models.Index(fields=["owner", "status"]),
            # The list pages read the newest first.
            models.Index(fields=["-opened_on", "-id"], name="case_newest_first"),
            # The list narrowed to the actor's municipalities: a small municipality's page
            # without walking the whole country's newest-first index.
            models.Index(
                fields=["municipality", "-opened_on", "-id"], name="case_municipality_newest"
            ),
        ]

    def __str__(self) -> str:
        return _("SIG case %(number)s") % {"number": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("cases:case-detail", args=[self.pk])


class SigCaseUserObjectPermission(UserObjectPermissionBase):
    """A grant: a named user may see the case while a consent covers their organisation.

    The grant row carries what decides that, so that "which cases may this user see" is one
    index range scan of this table, however many million rows it holds: the organisation
    the consent covered when it was given (a user who moves on loses it), and the last day
    a consent in force covers that organisation (kept up to date whenever consents change;
    the daily task deletes rows whose day has passed).
    """

    content_object = models.ForeignKey(SigCase, on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, related_name="+"
    )
    valid_until = models.DateField(null=True)

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = _("access to a case")
        verbose_name_plural = _("access to cases")
        indexes = [
            models.Index(
                fields=["user", "organisation", "content_object", "valid_until"],
                name="grant_lookup",
            )
        ]


class GrantTally(models.Model):
    """How many grants a user holds for an organisation up to a last day: what "how many
    cases may this user see" adds up, from a handful of rows instead of 50,000 grants.

    Kept by triggers on the grant table (migration 0006), so that every write, including
    the bulk deletes of a revoked or expired consent, keeps it exact without any service
    having to remember it.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    valid_until = models.DateField()
    grants = models.IntegerField()

    class Meta:
        verbose_name = _("count of access granted")
        verbose_name_plural = _("counts of access granted")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "valid_until"], name="grant_tally_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id}/{self.organisation_id} until {self.valid_until}: {self.grants}"


class Consent(ValidityPeriod):
    """What the young person (and, under 18, each guardian) agreed to: which organisations
    may share what, for how long. Revoking it, or its expiry, ends the grants it carried."""

    case = models.ForeignKey(SigCase, on_delete=models.CASCADE, related_name="consents")
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisations covered"), related_name="+"
    )
    information = models.TextField(
        _("information covered"),
        help_text=_("What may be shared, in words the young person understands."),
    )
    # Given today unless said otherwise.
    valid_from = models.DateField(_("valid from"), default=timezone.localdate)
    complete = models.BooleanField(
        _("signed by everyone needed"),
        default=False,
        help_text=_("The young person, and each guardian while they are under 18."),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.CharField(_("why it was revoked"), max_length=300, blank=True)
    signed_scan = models.FileField(
        _("signed form"),
        upload_to="consents/",
        blank=True,
        validators=[FileExtensionValidator(["pdf", "png", "jpg", "jpeg"])],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-valid_from", "-id"]
        constraints = [period_ordered("consent_period_ordered")]

    def __str__(self) -> str:
        return _("Consent %(from)s–%(to)s") % {"from": self.valid_from, "to": self.valid_to}

    def is_valid_on(self, day: datetime.date) -> bool:
        return self.complete and self.revoked_at is None and self.valid_from <= day <= self.valid_to


class SignerKind(models.TextChoices):
    YOUNG_PERSON = "young_person", _("The young person")
    GUARDIAN = "guardian", _("Guardian")


class ConsentSignature(models.Model):
    consent = models.ForeignKey(Consent, on_delete=models.CASCADE, related_name="signatures")
    kind = models.CharField(_("signed by"), max_length=16, choices=SignerKind.choices)
    guardian = models.ForeignKey(Guardian, on_delete=models.CASCADE, null=True, blank=True)
    signed_on = models.DateField(_("signed on"), default=timezone.localdate)

    class Meta:
        verbose_name = _("consent signature")
        verbose_name_plural = _("consent signatures")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=SignerKind.GUARDIAN, guardian__isnull=False)
                | Q(kind=SignerKind.YOUNG_PERSON, guardian__isnull=True),
                name="guardian_signature_names_the_guardian",
            ),
            # Each signer once: the young person once, each guardian once.
            models.UniqueConstraint(
                fields=["consent", "kind"],
                condition=Q(guardian__isnull=True),
                name="young_person_signs_once",
            ),
            models.UniqueConstraint(
                fields=["consent", "guardian"],
                condition=Q(guardian__isnull=False),
                name="each_guardian_signs_once",
            ),
        ]

    def __str__(self) -> str:
        return str(self.guardian) if self.guardian else str(self.get_kind_display())


class NoteVisibility(models.TextChoices):
    CASE = "case", _("Everyone on the case")
    OWN_ORGANISATION = "own_organisation", _("My organisation only")
    POLICE = "police", _("Police only")


class CaseNote(models.Model):
    case = models.ForeignKey(SigCase, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    author_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+"
    )
    visibility = models.CharField(
        _("who may read it"),
        max_length=20,
        choices=NoteVisibility.choices,
        default=NoteVisibility.CASE,
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d} {self.author_organisation}"


class CaseAction(models.Model):
    """A row of the case's action plan: what one organisation does, by when."""

    case = models.ForeignKey(SigCase, on_delete=models.CASCADE, related_name="actions")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    action = models.TextField(pgettext_lazy("in an action plan", "action"))
    due = models.DateField(_("due"))
    done_on = models.DateField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("case action")
        verbose_name_plural = _("case actions")
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return self.action[:60]


class LegalGround(models.TextChoices):
    CONSENT = "consent", _("Consent (OSL 10 kap. 1 §)")
    OWN_TASK = "osl_10_2", _("Needed for the discloser's own task (OSL 10 kap. 2 §)")
    RISK_OF_CRIME = (
        "osl_10_18a",
        _("Social services to the police: person under 21, risk of crime (OSL 10 kap. 18 a §)"),
    )
    DUTY_TO_DISCLOSE = "osl_10_28", _("A law imposes a duty to disclose (OSL 10 kap. 28 §)")


class DisclosureRecord(models.Model):
    """One passing of case information from one organisation to another, and its legal
    ground: the law allows a disclosure only on a ground that fits, and this record is where
    the one who decided shows that it did."""

    case = models.ForeignKey(SigCase, on_delete=models.CASCADE, related_name="disclosures")
    from_organisation = models.ForeignKey(
        Organisation, verbose_name=_("from"), on_delete=models.PROTECT, related_name="+"
    )
    to_organisation = models.ForeignKey(
        Organisation, verbose_name=_("to"), on_delete=models.PROTECT, related_name="+"
    )
    ground = models.CharField(_("legal ground"), max_length=16, choices=LegalGround.choices)
    law = models.CharField(
        _("the law that imposes the duty"),
        max_length=200,
        blank=True,
        help_text=_("Only for OSL 10 kap. 28 §, for example: 14 kap. 1 § socialtjänstlagen."),
    )
    concrete_suspected_crime = models.BooleanField(
        _("concerns a concrete suspected crime"), default=False
    )
    information = models.TextField(_("information passed on"))
    balancing = models.TextField(
        _("the balancing made"),
        help_text=_("Why the disclosure was needed and why it outweighs the person's privacy."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    disclosed_on = models.DateField(_("disclosed on"), default=timezone.localdate)

    class Meta:
        verbose_name = _("disclosure record")
        verbose_name_plural = _("disclosure records")
        ordering = ["-disclosed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.disclosed_on:%Y-%m-%d} {self.from_organisation} → {self.to_organisation}"


class EmergencyAccess(models.Model):
    """Break-glass: access to a case one cannot otherwise see, on a stated legal ground and
    reason, for a few hours. The case owner and the auditor are told; the auditor reviews it."""

    case = models.ForeignKey(SigCase, on_delete=models.CASCADE, related_name="emergency_access")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    ground = models.CharField(_("legal ground"), max_length=200)
    reason = models.TextField(_("reason"))
    granted_at = models.DateTimeField(_("granted"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_outcome = models.CharField(_("outcome"), max_length=16, blank=True)
    review_comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("emergency access")
        verbose_name_plural = _("emergency accesses")
        ordering = ["-granted_at"]
        indexes = [models.Index(fields=["user", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.case}: {self.user} {self.granted_at:%Y-%m-%d %H:%M}"
