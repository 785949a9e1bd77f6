"""Cases whose status lagged behind their consents (issue 17): a referral or a case awaiting
consent with a consent in force covering another organisation becomes active, and an active
case with none awaits consent again. The rule is ``cases.services.sig.case_status_reconcile``;
it is restated here with the models as they stand at this migration."""

import datetime

from django.db import migrations
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone


def follow_consents(apps, schema_editor):
    SigCase = apps.get_model("cases", "SigCase")
    Consent = apps.get_model("cases", "Consent")
    today = timezone.localdate()
    next_day = timezone.make_aware(
        datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time())
    )
    in_force = Exists(
        Consent.organisations.through.objects.filter(
            Q(consent__revoked_at__isnull=True) | Q(consent__revoked_at__gte=next_day),
            ~Q(organisation=OuterRef("owner_organisation")),
            consent__case=OuterRef("pk"),
            consent__complete=True,
            consent__valid_from__lte=today,
            consent__valid_to__gte=today,
        )
    )
    SigCase.objects.filter(in_force, status__in=["referral", "awaiting_consent"]).update(
        status="active"
    )
    SigCase.objects.filter(~in_force, status="active").update(status="awaiting_consent")


class Migration(migrations.Migration):
    dependencies = [("cases", "0010_made_by_may_be_gone")]

    # Going back leaves the corrected statuses: the old ones were the error.
    operations = [migrations.RunPython(follow_consents, migrations.RunPython.noop)]
