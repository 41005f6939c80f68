import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from knowledge.models import (
    CaseIndexPage,
    CaseStudyPage,
    CongressEditionPage,
    CongressIndexPage,
    DossierIndexPage,
    MunicipalityPage,
    ThemeIndexPage,
)
from knowledge.site_structure import ensure_case_index, ensure_congress_index


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_holds_the_case_index_and_the_congress_index(self):
        self.assertAllowedSubpageTypes(HomePage, {CaseIndexPage, CongressIndexPage, ThemeIndexPage, DossierIndexPage})

    def test_case_index_holds_only_municipalities(self):
        self.assertAllowedSubpageTypes(CaseIndexPage, {MunicipalityPage})

    def test_municipality_holds_only_case_studies(self):
        self.assertAllowedSubpageTypes(MunicipalityPage, {CaseStudyPage})
        self.assertAllowedParentPageTypes(CaseStudyPage, {MunicipalityPage})

    def test_case_studies_have_no_children(self):
        self.assertAllowedSubpageTypes(CaseStudyPage, set())

    def test_congress_editions_live_under_the_congress_index(self):
        self.assertAllowedParentPageTypes(CongressEditionPage, {CongressIndexPage})

    def test_case_cannot_be_created_directly_under_home(self):
        self.assertCanNotCreateAt(HomePage, CaseStudyPage)


@pytest.mark.django_db
def test_case_requires_a_summary_and_a_sensible_period():
    from django.core.exceptions import ValidationError

    municipality = ensure_case_index().add_child(instance=MunicipalityPage(title="Breda", province="noord-brabant"))
    case = CaseStudyPage(title="Wijkbudget", slug="wijkbudget", summary="", year_start=2020, year_end=2018)
    case.path = municipality.path + "0001"
    case.depth = municipality.depth + 1
    with pytest.raises(ValidationError) as error:
        case.full_clean()
    assert "summary" in error.value.message_dict
    assert "year_end" in error.value.message_dict


@pytest.mark.django_db
def test_case_gets_an_external_id_and_its_municipality_from_the_tree():
    municipality = ensure_case_index().add_child(instance=MunicipalityPage(title="Breda", province="noord-brabant"))
    case = municipality.add_child(instance=CaseStudyPage(title="Wijkbudget Noord", summary="Bewoners beslissen."))
    assert case.municipality_id == municipality.pk
    assert case.external_id == "breda-wijkbudget-noord"
    assert case.url == "/praktijkvoorbeelden/breda/wijkbudget-noord/"


@pytest.mark.django_db
def test_congress_edition_lives_at_its_year():
    edition = ensure_congress_index().add_child(
        instance=CongressEditionPage(title="Landelijk congres 2016", year=2016, city="Den Haag")
    )
    edition.full_clean()
    edition.save()
    assert edition.url == "/congres/2016/"


@pytest.mark.django_db
def test_moving_a_case_moves_its_municipality():
    index = ensure_case_index()
    breda = index.add_child(instance=MunicipalityPage(title="Breda", province="noord-brabant"))
    delft = index.add_child(instance=MunicipalityPage(title="Delft", province="zuid-holland"))
    case = breda.add_child(instance=CaseStudyPage(title="Buurtkracht", summary="Samen sterk."))
    case.move(delft, pos="last-child")
    case = CaseStudyPage.objects.get(pk=case.pk)
    assert case.municipality_id == delft.pk
    assert case.province_label == "Zuid-Holland"
    assert Page.objects.get(pk=case.pk).url_path.endswith("/delft/buurtkracht/")
