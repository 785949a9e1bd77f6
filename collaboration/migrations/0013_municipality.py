"""The collaboration's objects belong to a municipality; those there were, to Umeå."""

import django.db.models.deletion
from django.db import migrations, models

from umebra.tenant_migration import rows_to_first


class Migration(migrations.Migration):

    dependencies = [
        ('collaboration', '0012_agreement_municipal_party'),
        ('umebra', '0010_municipality'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='fund',
            name='fund_once_a_year',
        ),
        migrations.AddField(
            model_name='actionplan',
            name='municipality',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AddField(
            model_name='area',
            name='municipality',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AddField(
            model_name='collaborationgroup',
            name='municipality',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AddField(
            model_name='cooperationagreement',
            name='municipality',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AddField(
            model_name='fund',
            name='municipality',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AddField(
            model_name='historicaljointeffort',
            name='municipality',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AddField(
            model_name='historicalobservation',
            name='municipality',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AddField(
            model_name='indicator',
            name='municipality',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AddField(
            model_name='jointeffort',
            name='municipality',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AddField(
            model_name='observation',
            name='municipality',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AddField(
            model_name='situationpicture',
            name='municipality',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AddField(
            model_name='undertaking',
            name='municipality',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AlterField(
            model_name='area',
            name='name',
            field=models.CharField(max_length=100, verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='area',
            name='slug',
            field=models.SlugField(max_length=100, verbose_name='short name'),
        ),
        migrations.AlterField(
            model_name='collaborationgroup',
            name='name',
            field=models.CharField(max_length=200, verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='indicator',
            name='name',
            field=models.CharField(max_length=200, verbose_name='name'),
        ),
        migrations.AddConstraint(
            model_name='area',
            constraint=models.UniqueConstraint(fields=('municipality', 'name'), name='area_name_unique'),
        ),
        migrations.AddConstraint(
            model_name='area',
            constraint=models.UniqueConstraint(fields=('municipality', 'slug'), name='area_slug_unique'),
        ),
        migrations.AddConstraint(
            model_name='collaborationgroup',
            constraint=models.UniqueConstraint(fields=('municipality', 'name'), name='group_name_unique'),
        ),
        migrations.AddConstraint(
            model_name='fund',
            constraint=models.UniqueConstraint(fields=('municipality', 'name', 'year'), name='fund_once_a_year'),
        ),
        migrations.AddConstraint(
            model_name='indicator',
            constraint=models.UniqueConstraint(fields=('municipality', 'name'), name='indicator_name_unique'),
        ),
        migrations.RunPython(rows_to_first("collaboration.ActionPlan", "collaboration.Area", "collaboration.CollaborationGroup", "collaboration.CooperationAgreement", "collaboration.Fund", "collaboration.HistoricalJointEffort", "collaboration.HistoricalObservation", "collaboration.Indicator", "collaboration.JointEffort", "collaboration.Observation", "collaboration.SituationPicture", "collaboration.Undertaking"), migrations.RunPython.noop),
        migrations.AlterField(
            model_name='actionplan',
            name='municipality',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AlterField(
            model_name='area',
            name='municipality',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AlterField(
            model_name='collaborationgroup',
            name='municipality',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AlterField(
            model_name='cooperationagreement',
            name='municipality',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AlterField(
            model_name='fund',
            name='municipality',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AlterField(
            model_name='indicator',
            name='municipality',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AlterField(
            model_name='jointeffort',
            name='municipality',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AlterField(
            model_name='observation',
            name='municipality',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AlterField(
            model_name='situationpicture',
            name='municipality',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AlterField(
            model_name='undertaking',
            name='municipality',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
    ]
