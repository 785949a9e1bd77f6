"""Backup codes made before they were hashed (django-otp's static plugin kept them as plain
text) move here as keyed hashes, and the plain text is deleted. The plugin is no longer
installed, so its table is read, where it exists, with SQL."""

from django.db import migrations
from django.utils.crypto import salted_hmac

PLAIN = "otp_static_statictoken"
DEVICES = "otp_static_staticdevice"


def _digest(code: str) -> str:
    # As umebra.two_factor.models.backup_code_digest, frozen here as migrations must be.
    typed = "".join(code.split()).replace("-", "").lower()
    return salted_hmac("umebra.two_factor.backup-code", typed, algorithm="sha256").hexdigest()


def codes_hashed(apps, schema_editor):
    connection = schema_editor.connection
    if PLAIN not in connection.introspection.table_names():
        return
    BackupCodeDevice = apps.get_model("two_factor", "BackupCodeDevice")
    BackupCode = apps.get_model("two_factor", "BackupCode")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT d.user_id, t.token FROM {PLAIN} t JOIN {DEVICES} d ON d.id = t.device_id"
        )
        for user_id, token in cursor.fetchall():
            device, _created = BackupCodeDevice.objects.get_or_create(
                user_id=user_id, defaults={"name": "backup"}
            )
            BackupCode.objects.create(device=device, digest=_digest(token))
        cursor.execute(f"DELETE FROM {PLAIN}")


class Migration(migrations.Migration):
    dependencies = [("two_factor", "0001_initial")]

    operations = [migrations.RunPython(codes_hashed, migrations.RunPython.noop)]
