"""Files and a public submission from Groningen, for the editorial tests that need private media."""

import io

from PIL import Image as PillowImage

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes(colour="orange"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (20, 20), colour).save(buffer, "PNG")
    return buffer.getvalue()


def submission_data(**changes):
    return {
        "title": "Buurtkamers in Beijum",
        "municipality": "GM0014",
        "summary": "Bewoners openen hun huiskamer.",
        "body": "Elke woensdag.",
        "contact_name": "Fatima Yilmaz",
        "contact_email": "fatima@groningen.example",
        "consent": "on",
        "website": "",
        **changes,
    }
