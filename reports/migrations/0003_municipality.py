"""A report is about one municipality; those there were, about Umeå."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from umebra.tenant_migration import rows_to_first


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0002_job_heartbeat'),
        ('umebra', '0010_municipality'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='reportrun',
            name='report_built_once_at_a_time',
        ),
        migrations.AddField(
            model_name='reportrun',
            name='municipality',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AddConstraint(
            model_name='reportrun',
            constraint=models.UniqueConstraint(condition=models.Q(('status__in', ['queued', 'running'])), fields=('municipality', 'kind', 'period_start', 'period_end'), name='report_built_once_at_a_time'),
        ),
        migrations.RunPython(rows_to_first("reports.ReportRun"), migrations.RunPython.noop),
        migrations.AlterField(
            model_name='reportrun',
            name='municipality',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
    ]
