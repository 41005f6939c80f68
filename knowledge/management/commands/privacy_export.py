import json

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from knowledge.operations.privacy import personal_data


class Command(BaseCommand):
    help = _("Toon als JSON alles wat Wijkwijs over een persoon (e-mailadres) bewaart (AVG-inzageverzoek).")

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        self.stdout.write(json.dumps(personal_data(email), ensure_ascii=False, indent=2))
