from django.contrib.auth.management import create_permissions
from django.db import migrations

from search.words import seed_glossary, seed_synonym_groups

EDITORS_GROUP = "Redactie"
EDITOR_PERMISSIONS = [
    f"{action}_{model}" for model in ("synonymgroup", "glossaryentry") for action in ("add", "change", "delete")
]


def seed(apps, schema_editor):
    """The synonym groups and glossary a new site starts with; editors manage them from then on."""
    SynonymGroup = apps.get_model("wijkwijs_search", "SynonymGroup")
    GlossaryEntry = apps.get_model("wijkwijs_search", "GlossaryEntry")
    if not SynonymGroup.objects.exists():
        SynonymGroup.objects.bulk_create(SynonymGroup(terms=terms) for terms in seed_synonym_groups())
    if not GlossaryEntry.objects.exists():
        GlossaryEntry.objects.bulk_create(GlossaryEntry(english=english, dutch=dutch) for english, dutch in seed_glossary())


def grant_editors(apps, schema_editor):
    """An existing editorial team may manage the search words too (a new one gets the rights with its group)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name=EDITORS_GROUP).first()
    if editors is None:
        return
    app_config = apps.get_app_config("wijkwijs_search")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="wijkwijs_search", codename__in=EDITOR_PERMISSIONS)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("wijkwijs_search", "0004_editor_managed_synonyms_glossary_and_query_log"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(grant_editors, migrations.RunPython.noop),
    ]
