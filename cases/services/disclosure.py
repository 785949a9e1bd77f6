"""Disclosure records: every passing of case information to another organisation, with a
legal ground that must fit (OSL 10 kap.), or the disclosure is refused with the reason."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import DisclosureRecord, LegalGround, SigCase
from umebra import access
from umebra.access import Actor
from umebra.audit.models import AccessAction
from umebra.models import Organisation, OrganisationKind
from umebra.saving import save_validated

# OSL 10 kap. 18 a § covers young people under this age.
RISK_OF_CRIME_AGE_LIMIT = 21


def _ground_problems(
    *,
    case: SigCase,
    from_organisation: Organisation,
    to_organisation: Organisation,
    ground: str,
    law: str,
    concrete_suspected_crime: bool,
    on,
) -> list[str]:
    """Why ``ground`` does not fit this disclosure; empty when it does."""
    problems = []
    if ground == LegalGround.CONSENT:
        covered = any(
            consent.is_valid_on(on) and to_organisation in consent.organisations.all()
            for consent in case.consents.prefetch_related("organisations")
        )
        if not covered:
            problems.append(
                _("No consent in force covers %(organisation)s.")
                % {"organisation": to_organisation}
            )
    elif ground == LegalGround.RISK_OF_CRIME:
        if from_organisation.pk != case.owner_organisation_id:
            problems.append(_("Only social services disclose under OSL 10 kap. 18 a §."))
        if to_organisation.kind != OrganisationKind.POLICE:
            problems.append(_("OSL 10 kap. 18 a § allows disclosure to the police only."))
        age = case.person.age_on(on)
        if age is None or age >= RISK_OF_CRIME_AGE_LIMIT:
            problems.append(
                _("OSL 10 kap. 18 a § covers people under 21; this person is %(age)s.")
                % {"age": age if age is not None else "?"}
            )
        if concrete_suspected_crime:
            problems.append(
                _("OSL 10 kap. 18 a § never covers a concrete suspected crime; "
                  "consider 10 kap. 21–24 §§ instead.")
            )  # fmt: skip
    elif ground == LegalGround.DUTY_TO_DISCLOSE and not law.strip():
        problems.append(_("Name the law that imposes the duty to disclose."))
    return problems


@transaction.atomic
def disclosure_record(
    *,
    actor: Actor,
    case: SigCase,
    to_organisation: Organisation,
    ground: str,
    information: str,
    balancing: str,
    law: str = "",
    concrete_suspected_crime: bool = False,
) -> DisclosureRecord:
    if not access.allows(actor.user, case, access.Action.VIEW):
        raise PermissionDenied
    from_organisation = actor.member.organisation
    today = timezone.localdate()
    problems = _ground_problems(
        case=case, from_organisation=from_organisation, to_organisation=to_organisation,
        ground=ground, law=law, concrete_suspected_crime=concrete_suspected_crime, on=today,
    )  # fmt: skip
    if problems:
        raise ValidationError(problems)
    record = save_validated(
        DisclosureRecord(case=case, from_organisation=from_organisation, decided_by=actor.user),
        {
            "to_organisation": to_organisation,
            "ground": ground,
            "law": law,
            "concrete_suspected_crime": concrete_suspected_crime,
            "information": information,
            "balancing": balancing,
            "disclosed_on": today,
        },
    )
    access.record(
        actor,
        AccessAction.EXPORT,
        SigCase,
        case.pk,
        reason=f"disclosure to {to_organisation} ({ground})",
    )
    return record
