from django.db import migrations
from django.utils.text import slugify

# The three perspectives of the 2014 congress, then the common ward themes.
THEMES = [
    (
        "Initiatieven van bewoners en ondernemers",
        "Bewoners en sociale ondernemers nemen zelf initiatief in hun wijk; wat vraagt dat van de gemeente?",
    ),
    ("Vernieuwing van de lokale democratie", "Nieuwe vormen van inspraak en zeggenschap, en de rol van de politiek daarin."),
    ("Rol van de wijkambtenaar", "De veranderende rol van de ambtenaar die in en met de wijk werkt."),
    ("Zorg en welzijn", "Zorg dichtbij huis, sociale wijkteams en welzijnswerk."),
    ("Veiligheid", "Veiligheid op straat en in huis, overlast en de aanpak daarvan."),
    ("Armoede", "Armoede, schulden en financiële hulp voor huishoudens."),
    ("Jeugd", "Jongeren en kinderen in de wijk: jongerenwerk, sport en opvoeding."),
    ("Wonen", "Wonen, woningcorporaties, huurders en de leefbaarheid van buurten."),
    ("Onderwijs", "Scholen als plek in de wijk, brede scholen en leren buiten school."),
    ("Werk en inkomen", "Werk, ondernemerschap en inkomen van wijkbewoners."),
    ("Openbare ruimte", "Straten, pleinen, groen en verkeer in de wijk."),
    ("Ouderen", "Ouder worden in de eigen wijk, eenzaamheid en ontmoeting."),
    ("Duurzaamheid", "Energie, klimaat en groen, samen met bewoners."),
]


def seed_themes(apps, schema_editor):
    Theme = apps.get_model("knowledge", "Theme")
    for name, description in THEMES:
        Theme.objects.get_or_create(slug=slugify(name), defaults={"name": name, "description": description})


def remove_themes(apps, schema_editor):
    Theme = apps.get_model("knowledge", "Theme")
    Theme.objects.filter(slug__in=[slugify(name) for name, _ in THEMES], tagged_cases__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [migrations.RunPython(seed_themes, remove_themes)]
