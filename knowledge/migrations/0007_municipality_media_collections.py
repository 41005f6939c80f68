"""Contributors lose their rights on the root collection, which reached every document and image including the
private submission attachments, and get them on a collection of their municipality's own, "Gemeenten/<naam>";
media in the root collection that a case shows move into the collection of that case's municipality."""

from django.db import migrations
from wagtail.models import Collection as TreeCollection

CONTRIBUTOR_PREFIX = "Bijdragers "
MUNICIPALITIES_COLLECTION = "Gemeenten"
COLLECTION_PERMISSIONS = {
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
    "wagtailimages": ("add_image", "change_image", "choose_image"),
}


def _add_child(Collection, parent, name):
    """treebeard's add_child, which historical models lack: the next path under the parent."""
    last = Collection.objects.filter(depth=parent.depth + 1, path__startswith=parent.path).order_by("-path").first()
    step = TreeCollection._str2int(last.path[-TreeCollection.steplen :]) + 1 if last else 1
    child = Collection.objects.create(
        name=name, depth=parent.depth + 1, numchild=0, path=TreeCollection._get_path(parent.path, parent.depth + 1, step)
    )
    Collection.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
    parent.numchild += 1
    return child


def _municipality_collections(apps, root):
    """{municipality pk: its new collection}, one for each contributor group."""
    Collection = apps.get_model("wagtailcore", "Collection")
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    MunicipalityPage = apps.get_model("knowledge", "MunicipalityPage")
    Permission = apps.get_model("auth", "Permission")
    permissions = [
        permission
        for app_label, codenames in COLLECTION_PERMISSIONS.items()
        for permission in Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    ]
    collections = {}
    parent = None
    for group in Group.objects.filter(name__startswith=CONTRIBUTOR_PREFIX):
        GroupCollectionPermission.objects.filter(group=group, collection=root).delete()
        page_right = GroupPagePermission.objects.filter(group=group, permission__codename="add_page").first()
        municipality = page_right and MunicipalityPage.objects.filter(pk=page_right.page_id).first()
        if municipality is None or GroupCollectionPermission.objects.filter(group=group).exists():
            continue
        if parent is None:
            parent = Collection.objects.filter(depth=2, name=MUNICIPALITIES_COLLECTION).first()
            parent = parent or _add_child(Collection, root, MUNICIPALITIES_COLLECTION)
        collection = _add_child(Collection, parent, municipality.title[:255])
        GroupCollectionPermission.objects.bulk_create(
            [GroupCollectionPermission(group=group, collection=collection, permission=p) for p in permissions]
        )
        collections[municipality.pk] = collection
    return collections


def give_municipalities_their_media_collections(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    CaseStudyPage = apps.get_model("knowledge", "CaseStudyPage")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    collections = _municipality_collections(apps, root)
    case_type = ContentType.objects.filter(app_label="knowledge", model="casestudypage").first()
    if not collections or case_type is None:
        return
    for app_label, model_name in (("wagtaildocs", "document"), ("wagtailimages", "image")):
        media_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
        if media_type is None:
            continue
        references = list(
            ReferenceIndex.objects.filter(content_type=case_type, to_content_type=media_type).values_list(
                "object_id", "to_object_id"
            )
        )
        municipality_of = dict(
            CaseStudyPage.objects.filter(pk__in={int(case_id) for case_id, _ in references}).values_list("pk", "municipality_id")
        )
        Media = apps.get_model(app_label, model_name)
        for case_id, media_id in references:
            collection = collections.get(municipality_of.get(int(case_id)))
            if collection is not None:
                Media.objects.filter(pk=int(media_id), collection=root).update(collection=collection)


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0006_remove_stock_moderation_and_grant_case_details"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(give_municipalities_their_media_collections, migrations.RunPython.noop)]
