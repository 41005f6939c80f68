"""Who may do what: the editorial team, contributors per municipality, and the review workflow."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    PagePermissionTester,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS_GROUP = "Redactie"
CONTRIBUTOR_PREFIX = "Bijdragers "
REVIEW_WORKFLOW = "Redactiecheck"
REVIEW_TASK = "Beoordeling door de redactie"

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page")
CONTRIBUTOR_PAGE_PERMISSIONS = ("add_page", "change_page")
# Media of one municipality live in its own collection under this one; its contributors have rights there only.
MUNICIPALITIES_COLLECTION = "Gemeenten"
COLLECTION_PERMISSIONS = {
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
    "wagtailimages": ("add_image", "change_image", "choose_image"),
}
EDITOR_MODEL_PERMISSIONS = {
    "knowledge": ("add_theme", "change_theme", "delete_theme", "manage_case_details"),
    "wijkwijs_search": (
        "add_synonymgroup",
        "change_synonymgroup",
        "delete_synonymgroup",
        "add_glossaryentry",
        "change_glossaryentry",
        "delete_glossaryentry",
    ),
}


def _permissions(app_label, codenames):
    """These permissions of one app, in one query, in the order asked for."""
    found = {
        permission.codename: permission
        for permission in Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    }
    missing = [codename for codename in codenames if codename not in found]
    if missing:
        raise Permission.DoesNotExist(f"{app_label}: {', '.join(missing)}")
    return [found[codename] for codename in codenames]


def _grant_collection(group, collection):
    # ignore_conflicts: a right the group has already stays as it is (unique per group, collection, permission).
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(group=group, collection=collection, permission=permission)
            for app_label, codenames in COLLECTION_PERMISSIONS.items()
            for permission in _permissions(app_label, codenames)
        ],
        ignore_conflicts=True,
    )


def _grant_pages(group, page, codenames):
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page=page, permission=permission)
            for permission in _permissions("wagtailcore", codenames)
        ],
        ignore_conflicts=True,
    )


@transaction.atomic
def ensure_editors_group(home):
    """The editorial team, with its rights on this home page (also when the group outlived an earlier tree)."""
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    if not GroupPagePermission.objects.filter(group=group, page=home).exists():
        group.permissions.add(*_permissions("wagtailadmin", ["access_admin"]))
        _grant_collection(group, Collection.get_first_root_node())
        _grant_pages(group, home, EDITOR_PAGE_PERMISSIONS)
        for app_label, codenames in EDITOR_MODEL_PERMISSIONS.items():
            group.permissions.add(*_permissions(app_label, codenames))
    return group


def contributor_group(municipality):
    """The group whose members write for this municipality (found by its page permission, so renames keep it)."""
    return Group.objects.filter(
        page_permissions__page=municipality,
        page_permissions__permission__codename="add_page",
        name__startswith=CONTRIBUTOR_PREFIX,
    ).first()


def municipalities_collection():
    parent = Collection.objects.filter(depth=2, name=MUNICIPALITIES_COLLECTION).first()
    return parent or Collection.get_first_root_node().add_child(name=MUNICIPALITIES_COLLECTION)


def group_collection(group):
    """The collection of a contributor group's municipality, if it has one (rights on the root are not one)."""
    return Collection.objects.filter(group_permissions__group=group, depth__gt=1).first()


@transaction.atomic
def ensure_contributor_group(municipality):
    """The group of this municipality's contributors, with its page rights and a media collection of its own."""
    group = contributor_group(municipality)
    if group is None:
        name = f"{CONTRIBUTOR_PREFIX}{municipality.title}"[:150]
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions("wagtailadmin", ["access_admin"]))
        _grant_pages(group, municipality, CONTRIBUTOR_PAGE_PERMISSIONS)
    if group_collection(group) is None:
        # A new collection even when another municipality bears the same name: media are never shared.
        _grant_collection(group, municipalities_collection().add_child(name=municipality.title[:255]))
    return group


def municipality_collection(municipality):
    """Where the media of this municipality's cases live, editable by its contributors."""
    return group_collection(ensure_contributor_group(municipality))


@transaction.atomic
def ensure_review_workflow(case_index):
    """'Redactiecheck': every case under the case index goes past the editorial team before publication."""
    workflow, created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    if created:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK)
        task.groups.set([Group.objects.get(name=EDITORS_GROUP)])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.get_or_create(page=case_index, defaults={"workflow": workflow})
    return workflow


def is_editor(user):
    return user.is_superuser or user.groups.filter(name=EDITORS_GROUP).exists()


class CasePermissionTester(PagePermissionTester):
    """Deleting and moving cases is the editors' work, in every view of the admin: single and bulk actions
    alike ask this."""

    def can_delete(self, ignore_bulk=False):
        return is_editor(self.user) and super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        return is_editor(self.user) and super().can_move()


def editor_emails():
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return sorted(set(users.filter(groups__name=EDITORS_GROUP).values_list("email", flat=True)))


def set_password_link(user, base_url):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("wagtailadmin_password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return base_url.rstrip("/") + path
