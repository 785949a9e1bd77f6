"""How the migrations that made the municipality the tenant (issue 20) give the data that
existed before to the one municipality it was: Umeå's. Used by those migrations alone, and
kept as they ran: a later change here would change what an old migration does."""

from django.db import connection

#: The municipality an installation held before there could be several (SCB's code 2480).
FIRST = {"name": "Umeå", "slug": "umea", "code": "2480"}
# Organisations of these kinds work in many municipalities (a police area, a state agency).
REGIONAL_KINDS = ("police", "state_agency")


def first_municipality(apps):
    Municipality = apps.get_model("umebra", "Municipality")
    municipality, _created = Municipality.objects.get_or_create(
        code=FIRST["code"], defaults={"name": FIRST["name"], "slug": FIRST["slug"]}
    )
    return municipality


def organisations_to_first(apps, schema_editor) -> None:
    """Every organisation works in Umeå; the police and state agencies as regional ones,
    whose every membership names Umeå."""
    Organisation = apps.get_model("umebra", "Organisation")
    Membership = apps.get_model("umebra", "Membership")
    if not Organisation.objects.exists():
        return
    umea = first_municipality(apps)
    Organisation.objects.filter(kind__in=REGIONAL_KINDS).update(regional=True)
    umea.organisations.add(*Organisation.objects.all())
    umea.memberships.add(*Membership.objects.filter(organisation__regional=True))


def rows_to_first(*labels: str):
    """A migration step that gives every row of the models ``labels`` ("app.Model") Umeå,
    where it has no municipality yet."""

    def step(apps, schema_editor) -> None:
        models = [apps.get_model(label) for label in labels]
        if not any(model.objects.filter(municipality__isnull=True).exists() for model in models):
            return
        umea = first_municipality(apps)
        for model in models:
            model.objects.filter(municipality__isnull=True).update(municipality=umea)
        if connection.vendor == "postgresql":
            # Check the new foreign keys now, so that the same transaction may then make
            # the column required (PostgreSQL refuses to alter a table with checks pending).
            schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")

    return step


def alerts_to_first(apps, schema_editor) -> None:
    """Every alert of before is for Umeå's auditors (the events of before name no
    municipality: the installation's first reviews them, ``tenancy.host_municipality_id``)."""
    AccessAlert = apps.get_model("audit", "AccessAlert")
    if not AccessAlert.objects.exists():
        return
    umea = first_municipality(apps)
    Through = AccessAlert.municipalities.through
    Through.objects.bulk_create(
        Through(accessalert_id=pk, municipality_id=umea.pk)
        for pk in AccessAlert.objects.values_list("pk", flat=True)
    )
