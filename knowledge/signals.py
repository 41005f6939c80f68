"""Keeps derived data right: a case's municipality after a move, a contributor group per municipality,
the attachments and the new municipality of a published submission, the version of the cached library data."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageLogEntry, Revision
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.library_cache import library_changed
from knowledge.editorial.permissions import ensure_contributor_group, municipality_collection
from knowledge.models import CaseStudyPage, CongressEditionPage, MunicipalityPage, Theme
from knowledge.submission import mails
from knowledge.submission.service import PRIVATE_COLLECTION


@receiver(post_page_move)
def update_municipality_after_move(sender, instance, **kwargs):
    page = instance.specific
    if isinstance(page, CaseStudyPage):
        parent = page.get_parent()
        if parent.pk != page.municipality_id:
            CaseStudyPage.objects.filter(pk=page.pk).update(municipality_id=parent.pk)


@receiver(post_save, sender=MunicipalityPage)
def create_contributor_group(sender, instance, raw=False, **kwargs):
    """A live municipality has its contributor group; one only named in a public submission gets it when an
    editor publishes it, so that nobody can create admin groups from the public form."""
    if instance.live and not raw:
        ensure_contributor_group(instance)


def submitted_attachments(case):
    """The documents a case came with: those its first revision holds (for a public submission, the uploads)."""
    first = Revision.page_revisions.filter(object_id=str(case.pk)).order_by("created_at", "pk").first()
    attachments = first.content.get("attachments", []) if first else []
    return {attachment.get("document") for attachment in attachments}


@receiver(page_published, sender=CaseStudyPage)
def release_attachments(sender, instance, **kwargs):
    """Attachments of a submission are private until the case is published; then they join the media of its
    municipality (where, shown by a live case, only the editors may change them). Only the case's own: a private
    file of another submission, attached to this case, stays where it is."""
    from wagtail.documents import get_document_model

    # The attachments of the published version (in memory when it comes from a revision).
    document_ids = [attachment.document_id for attachment in instance.attachments.all()]
    if not document_ids or instance.municipality_id is None:
        return
    private = get_document_model().objects.filter(pk__in=document_ids, collection__name=PRIVATE_COLLECTION)
    if private.exists():
        private.filter(pk__in=submitted_attachments(instance)).update(
            collection=municipality_collection(MunicipalityPage.objects.get(pk=instance.municipality_id))
        )


def _taken_offline(page):
    return PageLogEntry.objects.filter(page=page, action="wagtail.unpublish").exists()


@receiver(page_published, sender=CaseStudyPage)
def publish_draft_municipality(sender, instance, **kwargs):
    """A municipality named in a public submission waits as a draft; its first published case brings it online.
    One an editor took offline stays offline."""
    # The municipality as loaded with the case (an import publishes thousands of cases: no query when it is live),
    # read afresh only when it looks offline.
    if instance.municipality_id is None or instance.municipality.live:
        return
    municipality = MunicipalityPage.objects.get(pk=instance.municipality_id)
    if not municipality.live and not _taken_offline(municipality):
        (municipality.latest_revision or municipality.save_revision()).publish()


# Deleting a live page unpublishes it first (Wagtail sends page_unpublished), so deletions are covered too.
@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed_the_library(sender, **kwargs):
    library_changed()


@receiver(post_save, sender=Theme)
@receiver(post_delete, sender=Theme)
@receiver(post_save, sender=MunicipalityPage)
@receiver(post_delete, sender=MunicipalityPage)
@receiver(post_save, sender=CongressEditionPage)
@receiver(post_delete, sender=CongressEditionPage)
def facet_label_changed(sender, **kwargs):
    library_changed()


def connect_submitter_mails():
    from wagtail.models import WorkflowState
    from wagtail.signals import workflow_approved, workflow_rejected

    workflow_rejected.connect(mails.changes_requested, sender=WorkflowState, dispatch_uid="wijkwijs_submitter_changes_requested")
    workflow_approved.connect(mails.approved, sender=WorkflowState, dispatch_uid="wijkwijs_submitter_approved")


connect_submitter_mails()
