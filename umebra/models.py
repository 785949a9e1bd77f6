"""Identity: users, the organisations (*aktörer*) they act for, and the memberships that carry
their role (docs/rules.md and docs/architecture.md)."""

import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from umebra.jobs import Job
from umebra.roles import ADMINISTERING_ROLES, WORKING_ROLES, Role
from umebra.validators import validate_organisation_number
from umebra.validity import ValidityPeriod, period_ordered


class User(AbstractUser):
    """A person who logs in. What they may do follows from their active membership."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    @property
    def display_name(self) -> str:
        """How pages name a person: their full name, or their user name when they gave none."""
        return self.get_full_name() or self.get_username()


class Municipality(models.Model):
    """A municipality (*kommun*): the tenant. One installation serves many, and each one's
    work is as secret from the others as if it ran alone (docs/rules.md, rule 8). Every
    object of the collaboration and the cases belongs to one (``umebra.tenancy``)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    # Its address on the public pages: /<slug>/promises/.
    slug = models.SlugField(_("short name in addresses"), max_length=50, unique=True)
    # SCB's municipality code (kommunkod): its first two digits are the county's.
    code = models.CharField(
        _("municipality code"),
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^[0-9]{4}$", _("A municipality code is four digits."))],
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def county_code(self) -> str:
        return self.code[:2]


class OrganisationKind(models.TextChoices):
    MUNICIPAL_UNIT = "municipal_unit", _("Municipal unit")
    POLICE = "police", _("Police")
    STATE_AGENCY = "state_agency", _("State agency")
    COUNTY_BOARD = "county_board", _("County administrative board")
    PROPERTY_OWNER = "property_owner", _("Property owner")
    BUSINESS = "business", _("Business")
    CIVIL_SOCIETY = "civil_society", _("Civil society")


class Organisation(models.Model):
    """A body taking part in the collaboration (*aktör*).

    Municipal units (Socialtjänsten, a school) sit under the municipality through ``parent``
    and share its organisation number, so they leave theirs blank.
    """

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    organisation_number = models.CharField(
        _("organisation number"),
        max_length=11,
        blank=True,
        validators=[validate_organisation_number],
    )
    is_public_authority = models.BooleanField(
        _("public authority"),
        default=False,
        help_text=_("The Public Access to Information and Secrecy Act applies to it."),
    )
    # Where it works: one municipality for its own units, schools and local businesses;
    # several for a regional or national body (a police area, a state agency, the county
    # administrative board), whose each membership names the ones its holder works in.
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("municipalities"), related_name="organisations"
    )
    regional = models.BooleanField(
        _("regional or national"),
        default=False,
        help_text=_("Works in several municipalities: each member works in those their "
                    "membership names."),
    )  # fmt: skip
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation_number"],
                condition=~Q(organisation_number=""),
                name="organisation_number_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisation-detail", args=[self.pk])

    def clean(self) -> None:
        """Part of nothing that is part of it; and of a kind that every role its members
        hold or wait for fits, so that changing the kind makes no police officer of a
        municipal unit (and leaves none)."""
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("An organisation cannot be part of itself.")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
        if self.pk is None:
            return
        current = (
            Membership.objects.filter(organisation=self, ended_at__isnull=True)
            .exclude(status=MembershipStatus.REFUSED)
            .exclude(valid_to__lt=timezone.localdate())
        )
        misfits = sorted(
            {str(Role(role).label) for role in current.values_list("role", flat=True)}
            - {str(role.label) for role in Role if role_fits(role, self)}
        )
        if misfits:
            message = _("Its members hold roles an organisation of this kind does not: %(roles)s.")
            raise ValidationError({"kind": message % {"roles": ", ".join(misfits)}})


# The kinds of organisation whose people may hold each role (docs/rules.md, roles): a police
# officer acts for the police, a coordinator or social worker for a municipal unit, and so
# on; a member administrator of one organisation cannot make a coordinator of the police.
ROLE_ORGANISATION_KINDS = {
    Role.COORDINATOR: {OrganisationKind.MUNICIPAL_UNIT},
    Role.SOCIAL_WORKER: {OrganisationKind.MUNICIPAL_UNIT},
    # Schools are municipal, or independent schools run by a company or an association.
    Role.SCHOOL_STAFF: {
        OrganisationKind.MUNICIPAL_UNIT,
        OrganisationKind.BUSINESS,
        OrganisationKind.CIVIL_SOCIETY,
    },
    Role.POLICE: {OrganisationKind.POLICE},
    # State agencies, and the municipality's own inspectors (alcohol licences, health).
    Role.AGENCY_INSPECTOR: {OrganisationKind.STATE_AGENCY, OrganisationKind.MUNICIPAL_UNIT},
    Role.PARTNER: set(OrganisationKind),
    Role.POLITICIAN: {OrganisationKind.MUNICIPAL_UNIT},
    # Länsstyrelsen's crime-prevention coordinator, who supports the county's municipalities.
    Role.COUNTY_COORDINATOR: {OrganisationKind.COUNTY_BOARD},
    Role.AUDITOR: {OrganisationKind.MUNICIPAL_UNIT},
    Role.ADMIN: {OrganisationKind.MUNICIPAL_UNIT},
}


def role_fits(role: Role | str, organisation: Organisation) -> bool:
    """Whether the people of ``organisation`` may hold ``role``."""
    return organisation.kind in ROLE_ORGANISATION_KINDS[Role(role)]


class SecondAdministratorStep(models.TextChoices):
    """An administrator's step that waits for a second administrator: appointing an
    organisation's first member administrator, and ending an auditor's or administrator's
    role. Either would let one person remove a check on them: make an account they control
    (whose first password they set) the one who gives roles, or take the oversight away."""

    APPOINT = "appoint", _("appointment as member administrator")
    END = "end", _("ending")


# How long an administrator's step waits for the second before it lapses.
SECOND_ADMINISTRATOR_WAIT = datetime.timedelta(days=7)


class MembershipStatus(models.TextChoices):
    """Whether a membership gives its role: a role that reaches personal data, asked for by
    someone other than the receiving organisation's member administrator, waits for one."""

    REQUESTED = "requested", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


def active_q(on=None, prefix: str = "") -> Q:
    """The condition "this membership gives its role on ``on``" (today by default): approved,
    in its period and not ended. For a query on memberships or, with ``prefix``
    ("memberships__"), on what they belong to."""
    on = on or timezone.localdate()
    return Q(
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": on}),
        **{
            f"{prefix}valid_from__lte": on,
            f"{prefix}status": MembershipStatus.APPROVED,
            f"{prefix}ended_at__isnull": True,
        },
    )


class MembershipQuerySet(models.QuerySet):
    def active(self, on=None):
        """Approved memberships whose period covers the date ``on`` (today by default)."""
        return self.filter(active_q(on))


def _by(label: str) -> "models.ForeignKey[User | None, User | None]":
    """Who took a step in a membership's life; kept as nobody if their account goes."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=label,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )


class Membership(ValidityPeriod):
    """A user acting for an organisation in a role, for a period.

    It gives its role only once approved (``status``): who asked for it and who decided are
    kept, and the database refuses a membership asked for or decided by its own holder.
    A member administrator (*behörighetsadministratör*) is a member whose membership also
    lets them give and approve the roles of their organisation (``administers_members``).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    # Starts today unless said otherwise, and may run until it is ended.
    valid_from = models.DateField(_("valid from"), default=timezone.localdate)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=MembershipStatus.choices,
        default=MembershipStatus.REQUESTED,
    )
    requested_by = _by(_("asked for by"))
    requested_at = models.DateTimeField(_("asked for"), default=timezone.now)
    decided_by = _by(_("decided by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    refusal_reason = models.CharField(_("why it was refused"), max_length=300, blank=True)
    ended_by = _by(_("ended by"))
    # Set when it is ended: from that moment it gives nothing, whatever the period says.
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    administers_members = models.BooleanField(_("member administrator"), default=False)
    # In a regional organisation, the municipalities its holder works in (some of the
    # organisation's); empty in a local one, whose one municipality is the organisation's.
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("works in"), blank=True, related_name="memberships"
    )
    appointed_by = _by(_("appointed member administrator by"))
    appointed_at = models.DateTimeField(_("member administrator since"), null=True, blank=True)
    # An administrator's step on this membership that waits for a second administrator.
    awaiting = models.CharField(
        _("awaiting a second administrator"),
        max_length=16,
        choices=SecondAdministratorStep.choices,
        blank=True,
    )
    awaiting_asked_by = _by(_("asked for by"))
    awaiting_asked_at = models.DateTimeField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-valid_from"]
        constraints = [
            period_ordered("membership_period_ordered", open_end=True),
            # Nobody asks for, decides on or appoints themselves (four eyes).
            models.CheckConstraint(
                condition=~Q(requested_by=models.F("user"))
                & ~Q(decided_by=models.F("user"))
                & ~Q(appointed_by=models.F("user"))
                & ~Q(awaiting_asked_by=models.F("user")),
                name="membership_not_self_granted",
            ),
            models.CheckConstraint(
                condition=Q(status=MembershipStatus.REQUESTED, decided_at__isnull=True)
                | (~Q(status=MembershipStatus.REQUESTED) & Q(decided_at__isnull=False)),
                name="membership_decided_when_not_requested",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}, {self.organisation}"

    def awaits(self, step: str) -> bool:
        """Whether an administrator asked for ``step`` and the ask has not lapsed."""
        return (
            self.awaiting == step
            and self.awaiting_asked_at is not None
            and (timezone.now() - self.awaiting_asked_at < SECOND_ADMINISTRATOR_WAIT)
        )

    @property
    def awaits_appointment(self) -> bool:
        return self.awaits(SecondAdministratorStep.APPOINT)

    @property
    def awaits_end(self) -> bool:
        return self.awaits(SecondAdministratorStep.END)

    @property
    def is_given(self) -> bool:
        """Given at once by the one who decided, rather than asked for and approved."""
        return self.status == MembershipStatus.APPROVED and self.requested_by_id == (
            self.decided_by_id
        )

    def clean(self) -> None:
        """A period that ends after it begins; a user acts for one organisation at a time,
        so periods may not overlap (a refused request takes no period). The database holds
        the first rule too."""
        super().clean()
        if self.organisation_id and self.role and not role_fits(self.role, self.organisation):
            message = _("The role %(role)s is not held in an organisation of the kind %(kind)s.")
            raise ValidationError(
                {"role": message % {"role": self.get_role_display(),
                                    "kind": self.organisation.get_kind_display()}}
            )  # fmt: skip
        if self.administers_members and self.role not in ADMINISTERING_ROLES:
            raise ValidationError(
                _("A member administrator holds a role that reaches personal data and does not "
                  "oversee the system.")
            )  # fmt: skip
        if self.user_id is None or self.valid_from is None:
            return
        overlapping = (
            Membership.objects.filter(user_id=self.user_id)
            .exclude(pk=self.pk)
            .exclude(status=MembershipStatus.REFUSED)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from))
        )
        if self.valid_to:
            overlapping = overlapping.filter(valid_from__lte=self.valid_to)
        if overlapping.exists():
            raise ValidationError(
                _("This user already has a membership in this period; end that one first.")
            )


class WorkerPing(Job):
    """A request that a background worker prove it is alive by answering.

    The administrator's status page and the deployment's health checks use it to tell a
    running queue from one nobody consumes.
    """

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    answered_by = models.CharField(_("answered by"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("worker check")
        verbose_name_plural = _("worker checks")
        ordering = ["-queued_at"]


class Submission(models.Model):
    """A form sent, known by the one-time token it carried (``umebra.submissions``)."""

    token = models.UUIDField(primary_key=True)
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    result_url = models.CharField(max_length=2000, blank=True)

    class Meta:
        verbose_name = _("form submission")

    def __str__(self) -> str:
        return str(self.token)


class MailKind(models.TextChoices):
    """What an e-mail tells about; each person chooses which kinds they get."""

    EMERGENCY_ACCESS = "emergency_access", _("Emergency access to one of your cases")
    REPORT_FINISHED = "report_finished", _("A report you asked for is done or failed")
    ACCESSIBILITY_REPORT = "accessibility_report", _("A reader reported an accessibility problem")
    ROLE_REQUEST = "role_request", _("A role waits for your approval")
    CONSENT_ENDING = "consent_ending", _("A consent in one of your cases ends within 14 days")
    ACTION_DUE = "action_due", _("An action you answer for is due tomorrow or overdue")
    GRANT_DECIDED = "grant_decided", _("Your organisation's grant application was decided")
    WEEKLY_DIGEST = "weekly_digest", _("A weekly digest: what is due, observations per area")


# Who can receive each kind: the roles that answer for what it tells about. The one place it
# is stated: ``umebra.mail`` sends a kind to none but these roles' holders, and one's choice
# of e-mail lists only the kinds one's roles receive (a politician is never asked about
# accessibility reports).
MAIL_KIND_ROLES: dict[str, frozenset[str]] = {
    # The case's owner: social services own the cases.
    MailKind.EMERGENCY_ACCESS: frozenset({Role.SOCIAL_WORKER}),
    MailKind.CONSENT_ENDING: frozenset({Role.SOCIAL_WORKER}),
    # A case action's owner (social services), and the responsible person of a collaboration
    # activity or decision: anyone its form lets be chosen, the roles that carry out the work
    # for their organisation (collaboration.models.responsible.RESPONSIBLE_ROLES is this set).
    MailKind.ACTION_DUE: WORKING_ROLES,
    # Who may ask for a report (reports.policy).
    MailKind.REPORT_FINISHED: frozenset({Role.COORDINATOR}),
    MailKind.ACCESSIBILITY_REPORT: frozenset({Role.COORDINATOR}),
    MailKind.WEEKLY_DIGEST: frozenset({Role.COORDINATOR}),
    # Who may approve an asked-for role: the member administrators and the administrators.
    MailKind.ROLE_REQUEST: ADMINISTERING_ROLES | {Role.ADMIN},
    # The applicant organisation's people who do its work and may open its application (the
    # coordinators and parties taking part; collaboration.services.funds picks, of these, those
    # acting for the applicant whom the access layer lets open it). Politicians follow grants
    # on their pages and are not mailed.
    MailKind.GRANT_DECIDED: WORKING_ROLES,
}


class OutgoingMail(models.Model):
    """One e-mail to one person about one event, in the outbox until a mail server took it.

    It holds no personal data or secret: a subject, a sentence and a link into Umebrå, where
    the access rules decide what the reader may see (``umebra.mail``). One row per kind,
    event and recipient (a constraint), so an event told twice is mailed once.
    """

    recipient = models.ForeignKey(
        User, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=MailKind.choices)
    # What the mail is about, as the caller names it ("report:12"): the uniqueness key.
    event = models.CharField(_("event"), max_length=100)
    subject = models.CharField(_("subject"), max_length=200)
    sentence = models.TextField(_("sentence"))
    link = models.CharField(_("link"), max_length=500)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mail")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "event", "recipient"], name="mail_once_per_event"
            ),
        ]
        indexes = [
            # The sender reads only what has not gone yet, oldest first.
            models.Index(
                fields=["created_at"], condition=Q(sent_at__isnull=True), name="mail_unsent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient}"


class MailPreference(models.Model):
    """A person's choice for one kind of e-mail. Without a row, the kind is on."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=32, choices=MailKind.choices)
    enabled = models.BooleanField(_("send it"), default=True)

    class Meta:
        verbose_name = _("e-mail choice")
        verbose_name_plural = _("e-mail choices")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="mail_preference_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_kind_display()}"
