"""An operation names the municipalities it works in, and each target is in one of them:
those there were, in one municipality each, name their own and keep their targets there."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def named_and_targets_at_home(apps, schema_editor) -> None:
    """Every operation names its own municipality; every target is in its operation's."""
    Operation = apps.get_model("cases", "Operation")
    Target = apps.get_model("cases", "Target")
    Named = Operation.municipalities.through
    Named.objects.bulk_create(
        Named(operation_id=pk, municipality_id=municipality_id)
        for pk, municipality_id in Operation.objects.values_list("pk", "municipality_id")
    )
    Target.objects.update(
        municipality_id=Subquery(
            Operation.objects.filter(pk=OuterRef("operation_id")).values("municipality_id")
        )
    )


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0014_municipality_indexes"),
        ("umebra", "0010_municipality"),
    ]

    operations = [
        migrations.AddField(
            model_name="operation",
            name="municipalities",
            field=models.ManyToManyField(related_name="+", to="umebra.municipality", verbose_name="municipalities"),
        ),
        migrations.AddField(
            model_name="target",
            name="municipality",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="umebra.municipality", verbose_name="municipality"),
        ),
        # Backwards, the two fields go and take what this filled with them.
        migrations.RunPython(named_and_targets_at_home, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="target",
            name="municipality",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to="umebra.municipality", verbose_name="municipality"),
        ),
    ]
