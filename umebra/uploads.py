"""One check for every uploaded file: its size, its name's type, and that its first bytes are
what the name says, so a renamed program or an oversized file is refused with a clear reason
before anything is stored."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PDF = (b"%PDF-",)
IMAGES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


@dataclass(frozen=True)
class Accepts:
    """What an upload field takes: at most ``megabytes``, names ending in ``extensions``,
    contents starting with one of ``signatures`` (none: any text or bytes)."""

    megabytes: int
    extensions: tuple[str, ...]
    signatures: tuple[bytes, ...] = ()
    description: str = ""  # "PDF", "PDF, PNG or JPEG" … for the messages


def check_upload(upload, accepts: Accepts):
    """Return ``upload`` if ``accepts`` takes it; raise ``ValidationError`` saying why not."""
    if upload.size > accepts.megabytes * 1024 * 1024:
        raise ValidationError(
            _("The file is larger than %(limit)s MB.") % {"limit": accepts.megabytes},
            code="too_large",
        )
    if not upload.name.lower().endswith(accepts.extensions):
        raise ValidationError(
            _("Upload the file as %(kind)s.") % {"kind": accepts.description}, code="type"
        )
    if accepts.signatures:
        head = upload.read(16)
        upload.seek(0)
        if not head.startswith(accepts.signatures):
            raise ValidationError(
                _("The file is not the %(kind)s its name says.") % {"kind": accepts.description},
                code="content",
            )
    return upload
