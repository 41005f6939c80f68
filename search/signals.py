"""Editors' changes to the synonyms and the glossary reach the next searches (see search.vocabulary)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.library_cache import library_changed
from search.models import GlossaryEntry, SynonymGroup


@receiver([post_save, post_delete], sender=SynonymGroup)
@receiver([post_save, post_delete], sender=GlossaryEntry)
def search_terms_changed(sender, **kwargs):
    library_changed()
