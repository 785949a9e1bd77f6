"""The outbox: e-mail as rows in the database, sent over SMTP by a worker.

A notification is written in the transaction of the step it tells about, so it exists
exactly when that step does (a refused step mails nothing), and a mail server that is down
loses nothing: the row waits, and beat's ``mail-send`` tries again every minute until the
server takes it. One row per kind, event and recipient (a constraint), so an event told twice
is mailed once.

No e-mail holds personal data or a secret, only a subject, a sentence and a link: mail leaves
our control, passes servers we do not run and stays in inboxes for years. What the link leads
to, the access layer guards as it guards every page.
"""

import logging
import smtplib
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext

from umebra.models import MAIL_KIND_ROLES, MailKind, MailPreference, Membership, OutgoingMail, User

logger = logging.getLogger(__name__)

# What a mail server's refusal or absence raises: smtplib's errors, and the socket's
# (connection refused, timed out).
SEND_ERRORS = (smtplib.SMTPException, OSError)


def mail_queue(
    *,
    kind: str,
    recipients: Iterable[User | None],
    subject: str | Promise,
    sentence: str | Promise,
    link: str,
    key: str,
) -> int:
    """Queue ``kind`` about the event ``key`` ("report:12") to each of ``recipients``, in the
    caller's transaction, and wake a worker to send it once that has committed. Returns how
    many rows were queued: none for a recipient already queued this event (told before).

    Nobody, a person without an address, one who holds none of the roles that receive
    ``kind`` today (``MAIL_KIND_ROLES``) and one who turned ``kind`` off are left out. The
    subject and sentence are kept in Swedish: Umebrå stores no language per person and its
    interface is Swedish first. ``link`` is a path in Umebrå.
    """
    people = {user.pk: user for user in recipients if user is not None and user.email}
    receiving = Membership.objects.active().filter(
        user_id__in=people, role__in=MAIL_KIND_ROLES[kind]
    )
    for pk in set(people) - set(receiving.values_list("user_id", flat=True)):
        del people[pk]
    turned_off = MailPreference.objects.filter(
        kind=kind, enabled=False, user_id__in=people
    ).values_list("user_id", flat=True)
    for pk in turned_off:
        del people[pk]
    already = OutgoingMail.objects.filter(
        kind=kind, event=key, recipient_id__in=people
    ).values_list("recipient_id", flat=True)
    for pk in set(already):
        del people[pk]
    if not people:
        return 0
    with translation.override("sv"):
        subject_text, sentence_text = str(subject), str(sentence)
    OutgoingMail.objects.bulk_create(
        [
            OutgoingMail(
                recipient=user,
                kind=kind,
                event=key,
                subject=subject_text,
                sentence=sentence_text,
                link=link,
            )
            for user in people.values()
        ],
        # The same event queued again (a message delivered twice) makes no second row.
        ignore_conflicts=True,
    )
    transaction.on_commit(_send_soon, robust=True)
    return len(people)


def mail_kinds_for(user: User) -> list[str]:
    """The kinds of e-mail ``user`` can receive: those of the roles they hold today."""
    roles = set(Membership.objects.active().filter(user=user).values_list("role", flat=True))
    return [kind for kind in MailKind.values if MAIL_KIND_ROLES[kind] & roles]


def _send_soon() -> None:
    from umebra.tasks import mail_send_task

    mail_send_task.delay()


def mail_send_due(*, limit: int = 100) -> int:
    """Send what has not gone yet, oldest first; returns how many the server accepted.

    A server that cannot be reached is written on every row due (attempts and error), which
    then waits for the next turn. Each row is locked while it is sent, skipping rows another
    worker holds, and marked sent in the same transaction right after the server accepted
    it, so two workers never send one row. What remains is a crash window: a worker that
    dies between the server's yes and the commit leaves the row unsent, and it goes a second
    time; SMTP offers no way to ask whether a message arrived. The resend keeps its
    Message-ID, so a mail program can tell it for the same message.
    """
    due = OutgoingMail.objects.filter(sent_at__isnull=True, recipient__is_active=True).exclude(
        recipient__email=""
    )
    pks = list(due.order_by("created_at").values_list("pk", flat=True)[:limit])
    if not pks:
        return 0
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except SEND_ERRORS as error:
        logger.warning("The mail server cannot be reached; %d e-mails wait: %s", len(pks), error)
        due.filter(pk__in=pks).update(attempts=F("attempts") + 1, last_error=_describe(error))
        return 0
    try:
        return sum(_send_one(pk, connection) for pk in pks)
    finally:
        connection.close()


def _send_one(pk: int, connection: BaseEmailBackend) -> bool:
    with transaction.atomic():
        mail = (
            OutgoingMail.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient")
            .filter(pk=pk, sent_at__isnull=True)
            .first()
        )
        if mail is None:  # sent meanwhile, or another worker is sending it
            return False
        mail.attempts += 1
        try:
            connection.send_messages([_message(mail, connection)])
        except SEND_ERRORS as error:
            logger.warning("E-mail %s was not accepted: %s", mail.pk, error)
            mail.last_error = _describe(error)
            mail.save(update_fields=["attempts", "last_error"])
            return False
        mail.sent_at, mail.last_error = timezone.now(), ""
        mail.save(update_fields=["attempts", "last_error", "sent_at"])
        return True


def _message(mail: OutgoingMail, connection: BaseEmailBackend) -> EmailMessage:
    with translation.override("sv"):
        footer = gettext("Choose which e-mail you get from Umebrå: %(url)s") % {
            "url": absolute_url(reverse("mail-preferences"))
        }
    host = urlsplit(settings.UMEBRA_BASE_URL).hostname or "localhost"
    return EmailMessage(
        subject=mail.subject,
        body=f"{mail.sentence}\n\n{absolute_url(mail.link)}\n\n-- \n{footer}\n",
        to=[mail.recipient.email],
        connection=connection,
        headers={
            "Message-ID": f"<outgoing-mail-{mail.pk}@{host}>",
            # Sent by a machine (RFC 3834): no out-of-office answers back.
            "Auto-Submitted": "auto-generated",
        },
    )


def absolute_url(path: str) -> str:
    """``path`` on the site's own address: a worker has no request to take the host from."""
    return settings.UMEBRA_BASE_URL + path


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:1000]
