"""One person register per organisation (issue 14): a person record belongs to the
organisation whose cases hold it, and the same personal number in two organisations is two
records. A person whose cases were kept by several organisations is split: each further
organisation gets a record of its own, with its own copy of the guardians, and its cases'
consent signatures follow the copies. (Reversible as long as no number is in two registers.)"""

import django.db.models.deletion
from django.db import migrations, models

import umebra.validators


def registers_split(apps, schema_editor):
    Person = apps.get_model("cases", "Person")
    SigCase = apps.get_model("cases", "SigCase")
    Guardian = apps.get_model("cases", "Guardian")
    ConsentSignature = apps.get_model("cases", "ConsentSignature")
    for person in Person.objects.all():
        keepers = list(
            SigCase.objects.filter(person=person)
            .order_by("owner_organisation_id")
            .values_list("owner_organisation_id", flat=True)
            .distinct()
        )
        if not keepers:  # no case holds them: nothing may keep their data
            person.delete()
            continue
        person.organisation_id = keepers[0]
        person.save(update_fields=["organisation"])
        for organisation_id in keepers[1:]:
            copy = Person.objects.create(
                organisation_id=organisation_id,
                name=person.name,
                personal_number=person.personal_number,
                area_id=person.area_id,
            )
            cases = SigCase.objects.filter(person=person, owner_organisation_id=organisation_id)
            for guardian in Guardian.objects.filter(person=person):
                twin = Guardian.objects.create(person=copy, name=guardian.name, phone=guardian.phone)
                ConsentSignature.objects.filter(
                    consent__case__in=cases, guardian=guardian
                ).update(guardian=twin)
            cases.update(person=copy)
    if schema_editor.connection.vendor == "postgresql":
        # Check the foreign keys now, so that the table can be altered in this transaction.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [("cases", "0007_grant_tally_ordered")]

    operations = [
        migrations.AddField(
            model_name="person",
            name="organisation",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="umebra.organisation",
                verbose_name="register of",
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="personal_number",
            field=models.CharField(
                help_text="YYYYMMDD-NNNN",
                max_length=13,
                null=True,
                validators=[umebra.validators.validate_personal_number],
                verbose_name="personal identity number",
            ),
        ),
        migrations.RunPython(registers_split, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="person",
            name="organisation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="umebra.organisation",
                verbose_name="register of",
            ),
        ),
        migrations.AddConstraint(
            model_name="person",
            constraint=models.UniqueConstraint(
                fields=("organisation", "personal_number"), name="person_once_per_register"
            ),
        ),
    ]
