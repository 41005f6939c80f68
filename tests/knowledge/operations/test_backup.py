"""make backup / make restore: a round trip that brings back content, media and the search index."""

import io
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model

from knowledge.models import CaseStudyPage
from knowledge.operations.demo import load_demo

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db(transaction=True)]


def test_backup_and_restore_round_trip(tmp_path, settings, client):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.SEARCH_ENGINE = "database"
    load_demo()
    document = get_document_model().objects.create(title="Verslag", file=ContentFile(b"%PDF-1.4 verslag", name="verslag.pdf"))
    before = sorted(CaseStudyPage.objects.values_list("external_id", "title", "live"))

    out = io.StringIO()
    call_command("backup_site", "--output-dir", str(tmp_path / "backups"), stdout=out)
    archive = next((tmp_path / "backups").glob("wijkwijs-*.tar.gz"))
    with tarfile.open(archive) as contents:
        names = contents.getnames()
    assert "manifest.json" in names and any(name.startswith("media/documents/") for name in names)

    CaseStudyPage.objects.get(external_id="ex-straatcoaches").delete()
    CaseStudyPage.objects.filter(external_id="ex-brede-school").update(title="Gewijzigd na de backup")
    document.file.delete()

    call_command("restore_site", str(archive), stdout=io.StringIO())
    assert sorted(CaseStudyPage.objects.values_list("external_id", "title", "live")) == before
    restored = get_document_model().objects.get(title="Verslag")
    assert restored.file.read() == b"%PDF-1.4 verslag"
    assert client.get("/api/search/", {"q": "straatcoaches"}).json()["results"][0]["external_id"] == "ex-straatcoaches"


def test_restore_refuses_an_archive_of_another_database(tmp_path):
    import json

    from django.core.management.base import CommandError

    archive = tmp_path / "vreemd.tar.gz"
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"database": "oracle", "created": "x", "cases": 0}))
    with tarfile.open(archive, "w:gz") as contents:
        contents.add(manifest, arcname="manifest.json")
    with pytest.raises(CommandError, match="oracle"):
        call_command("restore_site", str(archive), stdout=io.StringIO())
