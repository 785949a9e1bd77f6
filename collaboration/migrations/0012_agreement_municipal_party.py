"""The agreement's party for the municipality is an organisation; the name ``municipality``
goes to the tenant (umebra.tenancy), the municipality the agreement belongs to.

A renamed column keeps its index's name, which the tenant's column would then be given too
(PostgreSQL): the index is made again, named after the column it now indexes."""

import django.db.models.deletion
from django.db import migrations, models


def party(db_index: bool) -> models.ForeignKey:
    return models.ForeignKey(
        db_index=db_index,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="umebra.organisation",
        verbose_name="municipality",
    )


class Migration(migrations.Migration):
    dependencies = [("collaboration", "0011_responsible_person")]

    operations = [
        migrations.RenameField("cooperationagreement", "municipality", "municipal_party"),
        migrations.AlterField("cooperationagreement", "municipal_party", party(db_index=False)),
        migrations.AlterField("cooperationagreement", "municipal_party", party(db_index=True)),
    ]
