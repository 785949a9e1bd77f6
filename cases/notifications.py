"""What the cases app mails of itself, each morning: a consent about to end and an action of
a case's plan due tomorrow or overdue, to the case's owner.

Run by the scheduler for no one (``cases.tasks.case_reminders_mail``). Each mail says that
something in one of the owner's cases needs them, the date and a link to the case: never
the young person, the case's number in words, what the consent covers or what the action is.
The event key names the consent or action and its date, so a run repeated (or the next day's)
mails nothing twice: an overdue action is mailed once, not every day, and only again if its
date is moved.
"""

import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import translation
from django.utils.translation import gettext as _

from cases.models import CaseAction, Consent
from umebra.mail import mail_queue
from umebra.models import MailKind

# How long before its end a consent's owner is told that it ends.
CONSENT_WARNING = datetime.timedelta(days=14)


@transaction.atomic
def consents_ending_mail(*, today: datetime.date) -> int:
    """Tell each open case's owner of a consent in force that ends within CONSENT_WARNING,
    unless a later consent already continues it. Returns how many mails were queued: a consent
    already told (the same consent and end date) is not told again, nor counted."""
    continued = Consent.objects.filter(
        case=OuterRef("case"),
        complete=True,
        revoked_at__isnull=True,
        valid_from__lte=OuterRef("valid_to"),
        valid_to__gt=OuterRef("valid_to"),
    )
    ending = (
        Consent.objects.filter(
            complete=True,
            revoked_at__isnull=True,
            valid_from__lte=today,
            valid_to__gte=today,
            valid_to__lte=today + CONSENT_WARNING,
            case__closed_on__isnull=True,
        )
        .exclude(Exists(continued))
        .select_related("case__owner")
    )
    queued = 0
    for consent in ending:
        with translation.override("sv"):  # as every mail (umebra.mail)
            sentence = _("A consent in one of your cases ends on %(date)s.") % {
                "date": consent.valid_to.isoformat()
            }
            queued += mail_queue(
                kind=MailKind.CONSENT_ENDING,
                recipients=[consent.case.owner],
                subject=_("A consent in one of your cases ends soon"),
                sentence=sentence,
                link=consent.case.get_absolute_url(),
                key=f"consent-ending:{consent.pk}:{consent.valid_to.isoformat()}",
            )
    return queued


@transaction.atomic
def case_actions_due_mail(*, today: datetime.date) -> int:
    """Tell each open case's owner of an action of its plan, not done, that is due tomorrow
    or overdue: once per action and due date. Returns how many mails were queued (an action
    already told of this due date is not counted).

    The owner is the one person who answers for a case's plan; the action itself names only
    the organisation that carries it out."""
    tomorrow = today + datetime.timedelta(days=1)
    due = CaseAction.objects.filter(
        done_on__isnull=True, due__lte=tomorrow, case__closed_on__isnull=True
    ).select_related("case__owner")
    queued = 0
    for action in due:
        with translation.override("sv"):
            if action.due < today:
                sentence = _(
                    "An action in one of your cases was due on %(date)s and is not marked done."
                )
            else:
                sentence = _("An action in one of your cases is due on %(date)s.")
            queued += mail_queue(
                kind=MailKind.ACTION_DUE,
                recipients=[action.case.owner],
                subject=_("An action in one of your cases is due"),
                sentence=sentence % {"date": action.due.isoformat()},
                link=action.case.get_absolute_url(),
                key=f"case-action-due:{action.pk}:{action.due.isoformat()}",
            )
    return queued
