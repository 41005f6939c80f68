"""The curated themes as the national practice data names them.

Real case descriptions (the congress's and the municipalities' own) tag cases with "Armoede en schulden",
"Wonen en leefbaarheid", "Participatie", "Eenzaamheid" and the like; since an import makes no theme it does
not know, the curated list must name them. The four short seed names become the longer ones (their slugs, and
so their addresses, stay), and four common ward themes join the list. A theme an editor or an earlier import
already made under such a name stays as it is: editors merge duplicates in the admin.
"""

from django.db import migrations
from django.utils.text import slugify

RENAMED = {  # slug of a seed theme: its name in the national practice data
    "armoede": "Armoede en schulden",
    "wonen": "Wonen en leefbaarheid",
    "openbare-ruimte": "Openbare ruimte en groen",
    "duurzaamheid": "Duurzaamheid en energie",
}
ADDED = [
    ("Participatie", "Bewoners praten en beslissen mee over hun wijk: inspraak, wijkraden, buurtbudgetten."),
    ("Eenzaamheid", "Eenzaamheid en sociaal isolement tegengaan: ontmoeting, buurtkamers en omzien naar elkaar."),
    ("Integratie en diversiteit", "Nieuwkomers, statushouders en samenleven in een gemengde wijk; taal en meedoen."),
    ("Gezondheid en sport", "Gezond leven, bewegen en sport in de wijk, voor jong en oud."),
]


def current_themes(existing_names):
    """(slug, name, description) of the themes to add, for names not taken yet."""
    return [(slugify(name), name, description) for name, description in ADDED if name not in existing_names]


def forwards(apps, schema_editor):
    Theme = apps.get_model("knowledge", "Theme")
    names = set(Theme.objects.values_list("name", flat=True))
    for slug, name in RENAMED.items():
        if name not in names:
            Theme.objects.filter(slug=slug).update(name=name)
    for slug, name, description in current_themes(set(Theme.objects.values_list("name", flat=True))):
        if not Theme.objects.filter(slug=slug).exists():
            Theme.objects.create(slug=slug, name=name, description=description)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0008_case_source_url")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
