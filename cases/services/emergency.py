"""Break-glass: emergency access to a SIG case, on a stated ground, briefly, and reviewed."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.models import EmergencyAccess, SigCase
from umebra import access
from umebra.access import Actor
from umebra.audit.models import AccessAction, ReviewOutcome
from umebra.audit.services import alert_raise
from umebra.mail import mail_queue
from umebra.models import MailKind


@transaction.atomic
def emergency_access_open(
    *, actor: Actor, case_id: int, ground: str, reason: str
) -> EmergencyAccess:
    """Open a case one cannot see, kept by one's own organisation, for
    UMEBRA_BREAK_GLASS_HOURS: a colleague's case when the owner cannot be reached. Refused
    without a ground and a reason; the auditor is alerted at once and the owner sees it on
    their home page and by e-mail. Whether another organisation's case exists is not told."""
    if not access.may_add(actor.user, EmergencyAccess):
        raise PermissionDenied
    if not ground.strip() or len(reason.strip()) < 20:
        raise ValidationError(
            _("State the legal ground and, in a sentence or more, why it cannot wait.")
        )
    case = SigCase.objects.filter(pk=case_id, owner_organisation_id=actor.organisation_id).first()
    if case is None:
        raise ValidationError(_("Your organisation keeps no case with that number."))
    if access.allows(actor.user, case, access.Action.VIEW):
        raise ValidationError(_("You can already see this case; no emergency access is needed."))
    now = timezone.now()
    emergency = EmergencyAccess.objects.create(
        case=case,
        user=actor.person,
        ground=ground.strip(),
        reason=reason.strip(),
        granted_at=now,
        expires_at=now + datetime.timedelta(hours=settings.UMEBRA_BREAK_GLASS_HOURS),
    )
    access.record(
        actor, AccessAction.CREATE, EmergencyAccess, emergency.pk, reason=f"{ground}: {reason}"
    )
    alert_raise(
        user=actor.person,
        description=_("Emergency access to %(case)s: %(ground)s")
        % {"case": case, "ground": ground},
    )
    # Neither who opened it nor whose case it is: the page behind the link tells the owner.
    mail_queue(
        kind=MailKind.EMERGENCY_ACCESS,
        recipients=[case.owner],
        subject=gettext_lazy("Emergency access to one of your cases"),
        sentence=gettext_lazy("Someone opened emergency access to one of your cases."),
        link=case.get_absolute_url(),
        key=f"emergency:{emergency.pk}",
    )
    return emergency


@transaction.atomic
def emergency_access_review(
    *, actor: Actor, emergency: EmergencyAccess, outcome: str, comment: str
) -> EmergencyAccess:
    if emergency.reviewed_at is not None:
        raise ValidationError(_("This has already been reviewed."))
    if outcome not in (ReviewOutcome.JUSTIFIED, ReviewOutcome.FOLLOW_UP):
        raise ValidationError(_("Choose an outcome."))
    if outcome == ReviewOutcome.FOLLOW_UP and not comment.strip():
        raise ValidationError(_("Say what needs following up."))
    emergency.reviewed_by, emergency.reviewed_at = actor.user, timezone.now()
    emergency.review_outcome, emergency.review_comment = outcome, comment.strip()
    emergency.save()
    return emergency
