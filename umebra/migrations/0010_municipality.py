"""The municipality becomes the tenant (issue 20): organisations work in municipalities, a
membership of a regional one names those its holder works in, and the organisations there
were before work in Umeå."""

import django.core.validators
from django.db import migrations, models

from umebra.tenant_migration import organisations_to_first


class Migration(migrations.Migration):

    dependencies = [
        ('umebra', '0009_mail_reminders_grants_digest'),
    ]

    operations = [
        migrations.CreateModel(
            name='Municipality',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, unique=True, verbose_name='name')),
                ('slug', models.SlugField(unique=True, verbose_name='short name in addresses')),
                ('code', models.CharField(max_length=4, unique=True, validators=[django.core.validators.RegexValidator('^[0-9]{4}$', 'A municipality code is four digits.')], verbose_name='municipality code')),
            ],
            options={
                'verbose_name': 'municipality',
                'verbose_name_plural': 'municipalities',
                'ordering': ['name'],
            },
        ),
        migrations.AddField(
            model_name='organisation',
            name='regional',
            field=models.BooleanField(default=False, help_text='Works in several municipalities: each member works in those their membership names.', verbose_name='regional or national'),
        ),
        migrations.AddField(
            model_name='membership',
            name='municipalities',
            field=models.ManyToManyField(blank=True, related_name='memberships', to='umebra.municipality', verbose_name='works in'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='municipalities',
            field=models.ManyToManyField(related_name='organisations', to='umebra.municipality', verbose_name='municipalities'),
        ),
        migrations.RunPython(organisations_to_first, migrations.RunPython.noop),
    ]
