import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(client):
    from knowledge.operations.demo import load_demo

    load_demo()
    return client


@pytest.mark.parametrize(
    "url, expected",
    [
        ("/", "Nieuwste praktijkvoorbeelden"),
        ("/praktijkvoorbeelden/", "Tilburg"),
        ("/praktijkvoorbeelden/tilburg/", "Tilburg: de stad van wijkgericht werken"),
        ("/praktijkvoorbeelden/leiden/straatcoaches-tegen-overlast-op-pleinen/", "Straatcoaches spreken jongeren aan"),
        ("/congres/", "Groningen"),
        ("/congres/2014/", "De veranderende rol van de wijkambtenaar"),
        ("/congres/2015/", "Tilburg: de stad van wijkgericht werken"),
        ("/zoeken/?q=overlast", "Straatcoaches tegen overlast op pleinen"),
    ],
)
def test_demo_pages_answer_with_their_content(demo, url, expected):
    response = demo.get(url)
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_pages_are_dutch_by_default_and_english_on_request(demo):
    assert '<html lang="nl">' in demo.get("/").content.decode()
    english = demo.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in english


def test_case_page_shows_contact_only_with_consent(demo):
    from knowledge.models import CaseStudyPage

    case = CaseStudyPage.objects.get(external_id="ex-straatcoaches")
    case.contact_name, case.contact_email = "Sanne de Vries", "sanne@leiden.example"
    case.save_revision().publish()
    assert "sanne@leiden.example" not in demo.get(case.url).content.decode()
    case.contact_public = True
    case.save_revision().publish()
    assert "sanne@leiden.example" in demo.get(case.url).content.decode()


def test_unknown_page_is_a_404(demo):
    assert demo.get("/praktijkvoorbeelden/nergensdorp/").status_code == 404
