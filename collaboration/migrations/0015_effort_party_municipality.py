"""The organisations taking part in an effort get a model of their own (the same table), with
the effort's municipality on each row, so that a party's effort list reads its rows in its
municipalities by one index (docs/benchmarks.md)."""

import django.db.models.deletion
from django.db import connection, migrations, models
from django.db.models import OuterRef, Subquery


def municipality_from_effort(apps, schema_editor) -> None:
    EffortParty = apps.get_model("collaboration", "EffortParty")
    JointEffort = apps.get_model("collaboration", "JointEffort")
    EffortParty.objects.update(
        municipality_id=Subquery(
            JointEffort.objects.filter(pk=OuterRef("jointeffort_id")).values("municipality_id")[:1]
        )
    )
    if connection.vendor == "postgresql":
        # Check the new foreign keys now, so that the column may be made required.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):

    dependencies = [
        ("collaboration", "0014_municipality_indexes"),
        ("umebra", "0010_municipality"),
    ]

    operations = [
        # The table Django made for the many-to-many field becomes the model's, as it is.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="EffortParty",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("jointeffort", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="collaboration.jointeffort")),
                        ("organisation", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="umebra.organisation")),
                    ],
                    options={
                        "verbose_name": "organisation taking part",
                        "verbose_name_plural": "organisations taking part",
                        "db_table": "collaboration_jointeffort_organisations",
                        "unique_together": {("jointeffort", "organisation")},
                    },
                ),
                migrations.AlterField(
                    model_name="jointeffort",
                    name="organisations",
                    field=models.ManyToManyField(related_name="efforts", through="collaboration.EffortParty", to="umebra.organisation", verbose_name="organisations taking part"),
                ),
            ],
        ),
        migrations.AddField(
            model_name="effortparty",
            name="municipality",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="umebra.municipality", verbose_name="municipality"),
        ),
        migrations.RunPython(municipality_from_effort, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="effortparty",
            name="municipality",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to="umebra.municipality", verbose_name="municipality"),
        ),
        migrations.AddIndex(
            model_name="effortparty",
            index=models.Index(fields=["organisation", "municipality", "jointeffort"], name="effort_party_municipality"),
        ),
    ]
