"""Operations and SIG cases belong to a municipality; those there were, to Umeå."""

import django.db.models.deletion
from django.db import migrations, models

from umebra.tenant_migration import rows_to_first


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0012_plausible_ranges'),
        ('umebra', '0010_municipality'),
    ]

    operations = [
        migrations.AddField(
            model_name='operation',
            name='municipality',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AddField(
            model_name='sigcase',
            name='municipality',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.RunPython(rows_to_first("cases.Operation", "cases.SigCase"), migrations.RunPython.noop),
        migrations.AlterField(
            model_name='operation',
            name='municipality',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AlterField(
            model_name='sigcase',
            name='municipality',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
    ]
