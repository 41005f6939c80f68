"""Documents and images a live case shows change only through review.

Contributors may add, change and choose media in their municipality's collection (Wagtail's collection
permissions). What a published case links to or shows, though, is the editors' to change or delete: a
contributor who wants other media on a live case chooses new ones in a draft, which the editors review.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from knowledge.editorial.permissions import is_editor

GUARDED_ACTIONS = {"change", "delete"}


def media_shown_by_live_pages(model):
    """The pks of the objects of this model that a live page refers to (Wagtail's reference index holds
    what each page's live content refers to; a draft's changes are not in it)."""
    page_type = ContentType.objects.get_for_model(Page)
    return (
        ReferenceIndex.objects.filter(to_content_type=ContentType.objects.get_for_model(model), base_content_type=page_type)
        .annotate(page_id=Cast("object_id", IntegerField()))
        .filter(page_id__in=Page.objects.live().values("pk"))
        .annotate(media_id=Cast("to_object_id", IntegerField()))
        .values("media_id")
    )


class ReviewedMediaPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's policy for documents and images, with what live cases show left to the editors."""

    def _guarded(self, user, actions):
        return set(actions) & GUARDED_ACTIONS and not is_editor(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if (
            self._guarded(user, actions)
            and self.model._default_manager.filter(pk=instance.pk, pk__in=media_shown_by_live_pages(self.model)).exists()
        ):
            actions = set(actions) - GUARDED_ACTIONS
        return bool(actions) and super().user_has_any_permission_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if self._guarded(user, actions) and set(actions) <= GUARDED_ACTIONS:
            instances = instances.exclude(pk__in=media_shown_by_live_pages(self.model))
        return instances


def register_policies():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import register_permission_policy

    # exact_class: wins over the policy each Wagtail app registers for its own model.
    register_permission_policy(
        get_document_model(),
        ReviewedMediaPermissionPolicy(
            "wagtaildocs.Document", auth_model="wagtaildocs.Document", owner_field_name="uploaded_by_user"
        ),
        exact_class=True,
    )
    register_permission_policy(
        get_image_model(),
        ReviewedMediaPermissionPolicy(
            "wagtailimages.Image", auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"
        ),
        exact_class=True,
    )
