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
ODF_MIMETYPE = b"application/vnd.oasis.opendocument."
OOXML_EXTENSIONS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
ODF_EXTENSIONS = {b"text": "odt", b"spreadsheet": "ods", b"presentation": "odp"}
OLE_EXTENSIONS = ("doc", "xls", "ppt")  # one container for all three: the name decides, else .doc
IMAGE_EXTENSIONS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}


def _office_zip_extension(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if "[Content_Types].xml" in names:
                for folder, extension in OOXML_EXTENSIONS.items():
                    if any(name.startswith(folder) for name in names):
                        return extension
            if "mimetype" in names:
                with archive.open("mimetype") as entry:
                    # Decompresses no more of the entry than needed: a small upload can unpack to gigabytes.
                    mimetype = entry.read(len(ODF_MIMETYPE) + 12)
                if mimetype.startswith(ODF_MIMETYPE):
                    return ODF_EXTENSIONS.get(mimetype[len(ODF_MIMETYPE) :].split(b"-")[0])
            return None
    # An entry that is encrypted, uses an unknown method or is corrupt: not a document we can take.
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, NotImplementedError, zlib.error):
        return None


def _image_extension(upload):
    try:
        with Image.open(upload) as image:
            image.verify()
            return IMAGE_EXTENSIONS.get(image.format)
    except Exception:  # noqa: BLE001 - Pillow raises many kinds of errors for broken images
        return None


def detect_extension(upload):
    """The file extension of what the upload contains ('pdf', 'docx', 'png', ...), None for anything we refuse."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if head.startswith(PDF):
        extension = "pdf"
    elif head.startswith(OLE):
        named = upload.name.rsplit(".", 1)[-1].lower()
        extension = named if named in OLE_EXTENSIONS else OLE_EXTENSIONS[0]
    elif head.startswith(ZIP):
        extension = _office_zip_extension(upload)
    elif head.startswith(IMAGE_SIGNATURES) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        extension = _image_extension(upload)
    else:
        extension = None
    upload.seek(0)
    return extension


def stored_name(upload):
    """The upload's name with the extension of its content: a GIF calling itself poly.html is kept as poly.gif."""
    stem = upload.name.rsplit(".", 1)[0] if "." in upload.name else upload.name
    return f"{stem or 'bijlage'}.{detect_extension(upload)}"


def validate_upload(upload):
    if upload.size > MAX_FILE_BYTES:
        raise ValidationError(
            _("%(name)s is te groot (%(size)s); het maximum is %(max)s.")
            % {"name": upload.name, "size": filesizeformat(upload.size), "max": filesizeformat(MAX_FILE_BYTES)}
        )
    if upload.size == 0 or detect_extension(upload) is None:
        raise ValidationError(
            _("%(name)s is geen PDF, Office-document of afbeelding. Andere bestanden kunnen we niet aannemen.")
            % {"name": upload.name}
        )
