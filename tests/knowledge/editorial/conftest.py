import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from knowledge.editorial.permissions import municipality_collection
from knowledge.models import CaseStudyPage, MunicipalityPage
from knowledge.operations.demo import load_demo
from tests.knowledge.editorial.media_files import PDF, png_bytes, submission_data
from tests.people import PASSWORD, make_contributor


@pytest.fixture
def two_municipalities(client):
    """Tilburg's contributor (anna) and Groningen's (gerda); a public submission from Groningen, a draft with a
    private attachment; a document and an image in each municipality's collection."""
    load_demo()
    anna = make_contributor()
    call_command("add_contributor", "gerda", "gerda@groningen.example", "Groningen", "--password", PASSWORD, stdout=io.StringIO())
    client.post("/delen/", submission_data(attachments=[SimpleUploadedFile("geheim-beijum.pdf", PDF)]))
    submission = CaseStudyPage.objects.get(title="Buurtkamers in Beijum")
    media = {}
    for slug in ("tilburg", "groningen"):
        collection = municipality_collection(MunicipalityPage.objects.get(slug=slug))
        media[f"{slug}_document"] = get_document_model().objects.create(
            title=f"Verslag {slug}", collection=collection, file=ContentFile(PDF, name=f"verslag-{slug}.pdf")
        )
        media[f"{slug}_image"] = get_image_model().objects.create(
            title=f"Foto {slug}", collection=collection, file=ContentFile(png_bytes(), name=f"foto-{slug}.png")
        )
    return {
        "anna": anna,
        "gerda": get_user_model().objects.get(username="gerda"),
        "submission": submission,
        "private": submission.attachments.get().document,
        "tilburg_case": CaseStudyPage.objects.get(external_id="ex-tilburg-wijkgericht"),
        "groningen_live_case": CaseStudyPage.objects.get(external_id="ex-groningen-congres"),
        **media,
    }
