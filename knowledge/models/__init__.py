from knowledge.models.case import CaseAttachment, CaseStudyPage, CaseTag, RelatedCase, ThemedCase
from knowledge.models.case_index import CaseIndexPage
from knowledge.models.congress import (
    CongressEditionPage,
    CongressIndexPage,
    CongressPresentation,
    CongressSession,
)
from knowledge.models.municipality import MunicipalityPage
from knowledge.models.theme import Theme

__all__ = [
    "CaseAttachment",
    "CaseIndexPage",
    "CaseStudyPage",
    "CaseTag",
    "CongressEditionPage",
    "CongressIndexPage",
    "CongressPresentation",
    "CongressSession",
    "MunicipalityPage",
    "RelatedCase",
    "Theme",
    "ThemedCase",
]
