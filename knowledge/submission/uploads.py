"""Checking uploaded attachments by what they contain, not by what they are called."""

import zipfile
import zlib

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES = 5

PDF = b"%PDF-"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .ppt
ZIP = b"PK\x03\x04"
IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")
OOXML_FOLDERS = ("word/", "xl/", "ppt/")
ODF_MIMETYPE = b"application/vnd.oasis.opendocument."


def _starts_with(archive, name, prefix):
    """Decompresses no more of the entry than the prefix: a small upload can unpack to gigabytes."""
    with archive.open(name) as entry:
        return entry.read(len(prefix)) == prefix


def _is_office_zip(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if "[Content_Types].xml" in names and any(name.startswith(OOXML_FOLDERS) for name in names):
                return True
            return "mimetype" in names and _starts_with(archive, "mimetype", ODF_MIMETYPE)
    # An entry that is encrypted, uses an unknown method or is corrupt: not a document we can take.
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, NotImplementedError, zlib.error):
        return False


def _is_image(upload):
    try:
        with Image.open(upload) as image:
            image.verify()
        return True
    except Exception:  # noqa: BLE001 - Pillow raises many kinds of errors for broken images
        return False


def detect_kind(upload):
    """'pdf', 'office' or 'image' for an accepted file, None for anything else."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if head.startswith(PDF):
        kind = "pdf"
    elif head.startswith(OLE):
        kind = "office"
    elif head.startswith(ZIP):
        kind = "office" if _is_office_zip(upload) else None
    elif head.startswith(IMAGE_SIGNATURES) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        kind = "image" if _is_image(upload) else None
    else:
        kind = None
    upload.seek(0)
    return kind


def validate_upload(upload):
    if upload.size > MAX_FILE_BYTES:
        raise ValidationError(
            _("%(name)s is te groot (%(size)s); het maximum is %(max)s.")
            % {"name": upload.name, "size": filesizeformat(upload.size), "max": filesizeformat(MAX_FILE_BYTES)}
        )
    if upload.size == 0 or detect_kind(upload) is None:
        raise ValidationError(
            _("%(name)s is geen PDF, Office-document of afbeelding. Andere bestanden kunnen we niet aannemen.")
            % {"name": upload.name}
        )
