"""The Dutch word rules of search: compounds split with a real word list, neighbours joined, English terms
translated, synonyms and the glossary managed by editors."""

import pytest

from search.expansion import expand
from search.lexicon import compound_split
from search.models import GlossaryEntry, SynonymGroup

pytestmark = [pytest.mark.sqlite]


@pytest.mark.parametrize(
    "word, parts",
    [
        ("wijkambtenaar", ("wijk", "ambtenaar")),
        ("buurtsportcoaches", ("buurt", "sport", "coaches")),
        ("verkeersveiligheid", ("verkeer", "veiligheid")),
        ("inwonersparticipatie", ("inwoners", "participatie")),
        ("energiearmoede", ("energie", "armoede")),
    ],
)
def test_compounds_split_into_ordinary_words(word, parts):
    assert compound_split(word) == parts


@pytest.mark.parametrize("word", ["gemeente", "ambtenaar", "participatie", "samenwerking", "bewoners"])
def test_ordinary_words_are_not_taken_apart(word):
    assert compound_split(word) == ()


@pytest.mark.django_db
def test_two_neighbouring_words_are_also_searched_as_their_compound():
    first, second = expand(["buurt", "preventie"])
    assert "buurtpreventie" in [term.text for term in first.terms]
    assert "buurtpreventie" in [term.text for term in second.terms]


@pytest.mark.django_db
def test_an_english_phrase_becomes_one_concept_with_its_dutch_words():
    (concept,) = expand(["Participatory", "Budgeting"])
    assert concept.translated and concept.typed == "Participatory Budgeting"
    assert {"burgerbegroting", "buurtbudget", "wijkbudget"} <= set(concept.searched_for)


@pytest.mark.django_db
def test_an_editors_glossary_entry_and_synonym_group_change_the_next_query():
    assert not expand(["placemaking"])[0].translated
    GlossaryEntry.objects.create(english="placemaking", dutch="plekmaken, openbare ruimte")
    assert expand(["placemaking"])[0].searched_for == ["plekmaken", "openbare ruimte"]
    SynonymGroup.objects.create(terms="plekmaken, placemaking")
    assert [term.text for term in expand(["plekmaken"])[0].terms] == ["plekmaken", "placemaking"]


@pytest.mark.django_db
def test_a_synonym_group_needs_two_words_and_says_so():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        SynonymGroup(terms="alleen").full_clean()
    assert "twee woorden" in str(error.value)
