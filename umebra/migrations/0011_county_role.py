"""Länsstyrelsen's county coordinator, at a county administrative board (issue 20)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('umebra', '0010_municipality'),
    ]

    operations = [
        migrations.AlterField(
            model_name='membership',
            name='role',
            field=models.CharField(choices=[('coordinator', 'Coordinator'), ('social_worker', 'Social worker'), ('school_staff', 'School staff'), ('police', 'Police'), ('agency_inspector', 'Agency inspector'), ('partner', 'Partner'), ('politician', 'Politician'), ('county_coordinator', 'County coordinator'), ('auditor', 'Auditor'), ('admin', 'Administrator')], max_length=32, verbose_name='role'),
        ),
        migrations.AlterField(
            model_name='organisation',
            name='kind',
            field=models.CharField(choices=[('municipal_unit', 'Municipal unit'), ('police', 'Police'), ('state_agency', 'State agency'), ('county_board', 'County administrative board'), ('property_owner', 'Property owner'), ('business', 'Business'), ('civil_society', 'Civil society')], max_length=32, verbose_name='kind'),
        ),
    ]
