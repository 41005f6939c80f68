"""Keeps the denormalised municipality of a case right when editors move it."""

from django.dispatch import receiver
from wagtail.signals import post_page_move

from knowledge.models import CaseStudyPage


@receiver(post_page_move)
def update_municipality_after_move(sender, instance, **kwargs):
    page = instance.specific
    if isinstance(page, CaseStudyPage):
        parent = page.get_parent()
        if parent.pk != page.municipality_id:
            CaseStudyPage.objects.filter(pk=page.pk).update(municipality_id=parent.pk)
