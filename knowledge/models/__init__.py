from knowledge.models.case import CaseAttachment, CaseStudyPage, CaseTag, RelatedCase, ThemedCase
from knowledge.models.case_index import CaseIndexPage
from knowledge.models.congress import (
    CongressEditionPage,
    CongressIndexPage,
    CongressPresentation,
    CongressSession,
)
from knowledge.models.dossier import DossierIndexPage, DossierItem, DossierPage
from knowledge.models.municipality import MunicipalityPage
from knowledge.models.theme import Theme
from knowledge.models.theme_index import ThemeIndexPage

__all__ = [
    "CaseAttachment",
    "CaseIndexPage",
    "CaseStudyPage",
    "CaseTag",
    "CongressEditionPage",
    "CongressIndexPage",
    "CongressPresentation",
    "CongressSession",
    "DossierIndexPage",
    "DossierItem",
    "DossierPage",
    "MunicipalityPage",
    "RelatedCase",
    "Theme",
    "ThemeIndexPage",
    "ThemedCase",
]
