"""Publishing a case the way an editor does, and reading links out of the mails."""

import re

from knowledge.models import CaseStudyPage, MunicipalityPage, Theme


def publish_case(title, municipality="Tilburg", theme_slugs=(), summary="Bewoners openen hun huiskamer voor buren."):
    place = MunicipalityPage.objects.get(title=municipality)
    case = place.add_child(instance=CaseStudyPage(title=title, summary=summary, live=False))
    case.themes.set(list(Theme.objects.filter(slug__in=theme_slugs)))
    case.save_revision().publish()
    return CaseStudyPage.objects.get(pk=case.pk)


def republish(case):
    case = CaseStudyPage.objects.get(pk=case.pk)
    case.save_revision().publish()
    return CaseStudyPage.objects.get(pk=case.pk)


def link_in(message, path_part):
    """The first absolute link in a mail's text whose path holds path_part."""
    found = re.search(rf"https?://\S*{re.escape(path_part)}\S*", message.body)
    assert found, f"no link with {path_part} in:\n{message.body}"
    return found.group(0)


def path_of(url, base):
    assert url.startswith(base), url
    return url[len(base) :]
