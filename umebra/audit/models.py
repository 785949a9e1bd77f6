"""The access log and its review: events chained by hash, monthly samples, alerts."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from umebra.audit.words import object_in_words, reason_in_words
from umebra.models import Municipality
from umebra.roles import Role
from umebra.tenancy import tenant_field


class AccessAction(models.TextChoices):
    VIEW = "view", _("View")
    CREATE = "create", _("Create")
    CHANGE = "change", _("Change")
    DELETE = "delete", _("Delete")
    EXPORT = "export", _("Export")
    DOWNLOAD = "download", _("Download")
    DENIED = "denied", _("Denied")


class AccessEvent(models.Model):
    """One look at, or change of, protected data, or a refused attempt.

    Append-only: PostgreSQL refuses UPDATE and DELETE on the table (migration 0002), and each
    event's ``hash`` covers its content and the previous event's hash, so an edit made around
    the trigger shows as a broken link (``manage.py audit_verify``). Who and where are kept as
    they were at the time, so the log still reads true after a user changes organisation.

    An event names the municipalities whose data it touched, or where its actor worked
    (``municipalities``): their auditors review it, and no other municipality's. One that
    names none is the installation's: the events logged before there were several.
    """

    occurred_at = models.DateTimeField(_("time"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    username = models.CharField(_("user name"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=32, blank=True)
    action = models.CharField(_("action"), max_length=16, choices=AccessAction.choices)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("municipalities"),
        through="EventMunicipality",
        related_name="+",
        blank=True,
    )

    class Meta:
        verbose_name = _("access event")
        verbose_name_plural = _("access events")
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["user", "occurred_at"]),
            models.Index(fields=["object_type", "object_id"]),
            models.Index(fields=["occurred_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.object_type}"

    def listed_keys(self) -> list[str]:
        """The objects a list page showed, as ``type:id``, in the order the hash covers."""
        return sorted(f"{o.object_type}:{o.object_id}" for o in self.listed.all())

    def municipality_ids(self) -> list[int]:
        """The municipalities the event names, in the order the hash covers."""
        return sorted(link.municipality_id for link in self.municipality_links.all())

    @property
    def role_display(self) -> str:
        """The role the user acted in, named in the reader's language (stored as its code)."""
        return str(Role(self.role).label) if self.role in Role.values else self.role

    @property
    def reason_display(self) -> str:
        """The reason in the reader's language (``words.reason_in_words``)."""
        return reason_in_words(self.reason)

    @property
    def object_display(self) -> str:
        """What the event was about, in words: "SIG case 12", "a list of 3 SIG cases"."""
        return object_in_words(self)


class ListedObject(models.Model):
    """One object a page showed as part of a list (names of cases, an operation's targets):
    a read of it as much as opening it, so the log says which, without one whole event each.

    Written with its event, in one insert per page, and covered by the event's hash; like
    the event, never changed or deleted (migration 0004).
    """

    event = models.ForeignKey(AccessEvent, on_delete=models.PROTECT, related_name="listed")
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64)

    class Meta:
        verbose_name = _("listed object")
        verbose_name_plural = _("listed objects")
        indexes = [models.Index(fields=["object_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "object_type", "object_id"], name="listed_once_per_event"
            )
        ]

    def __str__(self) -> str:
        return f"{self.object_type}:{self.object_id}"


class EventMunicipality(models.Model):
    """A municipality an event names. Written with its event, covered by its hash, and
    never changed or deleted (migration 0005): moving an event to another municipality
    would hide it from the auditors who should review it."""

    event = models.ForeignKey(
        AccessEvent, on_delete=models.PROTECT, related_name="municipality_links"
    )
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("municipality of an event")
        verbose_name_plural = _("municipalities of events")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "municipality"], name="event_municipality_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.event_id}: {self.municipality_id}"


class AuditSample(models.Model):
    """A random sample of one month's events in one municipality, drawn for its auditors'
    regular review."""

    municipality = tenant_field()
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    created_at = models.DateTimeField(_("drawn at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("review sample")
        verbose_name_plural = _("review samples")
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "month"], name="sample_once_per_municipality_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}"


class ReviewOutcome(models.TextChoices):
    PENDING = "pending", _("Not reviewed")
    JUSTIFIED = "justified", _("Justified")
    FOLLOW_UP = "follow_up", _("Needs follow-up")


class Review(models.Model):
    """The auditor's judgement of something in the log: was the access justified?"""

    outcome = models.CharField(
        _("outcome"), max_length=16, choices=ReviewOutcome.choices, default=ReviewOutcome.PENDING
    )
    comment = models.TextField(_("comment"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        abstract = True


class SampleItem(Review):
    sample = models.ForeignKey(AuditSample, on_delete=models.CASCADE, related_name="items")
    event = models.ForeignKey(AccessEvent, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("sampled event")
        verbose_name_plural = _("sampled events")
        ordering = ["event_id"]
        constraints = [
            models.UniqueConstraint(fields=["sample", "event"], name="sample_item_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.sample}: {self.event}"


class AccessAlert(Review):
    """Unusual reading: one user opened many personal-data objects in a short time, or read
    something they have no active part in. It names the municipalities whose auditors
    look at it: those where the reads were, or where the user works."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("user")
    )
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("municipalities"), related_name="+", blank=True
    )
    window_start = models.DateTimeField(_("from"))
    window_end = models.DateTimeField(_("to"))
    reads = models.PositiveIntegerField(_("objects read"))
    description = models.CharField(
        _("what happened"),
        max_length=300,
        blank=True,
        help_text=_("Set where the alert is not about many reads, e.g. an emergency access."),
    )

    class Meta:
        verbose_name = _("access alert")
        verbose_name_plural = _("access alerts")
        ordering = ["-window_end"]

    def __str__(self) -> str:
        return f"{self.user}: {self.reads} ({self.window_start:%Y-%m-%d %H:%M})"
