"""The access log's review per municipality (issue 20): an event names the municipalities
whose auditors review it, an alert likewise, a sample is one municipality's. The events of
before name none and stay as they were, their hashes unchanged: the installation's first
municipality, Umeå, reviews them. Its samples and alerts of before are Umeå's."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from umebra.audit.triggers import append_only
from umebra.tenant_migration import alerts_to_first, rows_to_first


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0004_listed_object'),
        ('umebra', '0010_municipality'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='EventMunicipality',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
            ],
            options={
                'verbose_name': 'municipality of an event',
                'verbose_name_plural': 'municipalities of events',
            },
        ),
        migrations.AddField(
            model_name='accessalert',
            name='municipalities',
            field=models.ManyToManyField(blank=True, related_name='+', to='umebra.municipality', verbose_name='municipalities'),
        ),
        migrations.AddField(
            model_name='auditsample',
            name='municipality',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality'),
        ),
        migrations.AlterField(
            model_name='auditsample',
            name='month',
            field=models.DateField(help_text='The first day of the month.', verbose_name='month'),
        ),
        migrations.AddConstraint(
            model_name='auditsample',
            constraint=models.UniqueConstraint(fields=('municipality', 'month'), name='sample_once_per_municipality_month'),
        ),
        migrations.AddField(
            model_name='eventmunicipality',
            name='event',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='municipality_links', to='audit.accessevent'),
        ),
        migrations.AddField(
            model_name='eventmunicipality',
            name='municipality',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality'),
        ),
        migrations.AddField(
            model_name='accessevent',
            name='municipalities',
            field=models.ManyToManyField(blank=True, related_name='+', through='audit.EventMunicipality', to='umebra.municipality', verbose_name='municipalities'),
        ),
        migrations.AddConstraint(
            model_name='eventmunicipality',
            constraint=models.UniqueConstraint(fields=('event', 'municipality'), name='event_municipality_once'),
        ),
        migrations.RunPython(rows_to_first("audit.AuditSample"), migrations.RunPython.noop),
        migrations.AlterField(
            model_name='auditsample',
            name='municipality',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.RunPython(alerts_to_first, migrations.RunPython.noop),
        # A municipality an event names is part of the event: refused changes like it.
        migrations.RunPython(*append_only("audit_eventmunicipality")),
    ]
