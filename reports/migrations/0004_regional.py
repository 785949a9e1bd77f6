"""A report may be regional (issue 20): about a county, its municipality left empty."""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0003_municipality'),
        ('umebra', '0011_county_role'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='reportrun',
            name='county',
            field=models.CharField(blank=True, max_length=2, validators=[django.core.validators.RegexValidator('^[0-9]{2}$', 'A county code is two digits.')], verbose_name='county'),
        ),
        migrations.AlterField(
            model_name='reportrun',
            name='kind',
            field=models.CharField(choices=[('quarterly', 'Quarterly follow-up'), ('situation_picture', 'Yearly situation picture'), ('action_plan', 'Action plan'), ('citizen_promises', 'Citizen-promise follow-up'), ('safety_agreements', 'Safety-agreement follow-up'), ('regional', 'Regional quarterly follow-up')], max_length=32, verbose_name='kind'),
        ),
        migrations.AlterField(
            model_name='reportrun',
            name='municipality',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='umebra.municipality', verbose_name='municipality'),
        ),
        migrations.AddConstraint(
            model_name='reportrun',
            constraint=models.UniqueConstraint(condition=models.Q(('municipality__isnull', True), ('status__in', ['queued', 'running'])), fields=('county', 'kind', 'period_start', 'period_end'), name='regional_report_built_once_at_a_time'),
        ),
        migrations.AddConstraint(
            model_name='reportrun',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'regional'), ('municipality__isnull', True), models.Q(('county', ''), _negated=True)), models.Q(('county', ''), ('municipality__isnull', False), models.Q(('kind', 'regional'), _negated=True)), _connector='OR'), name='report_of_a_municipality_or_a_county'),
        ),
    ]
