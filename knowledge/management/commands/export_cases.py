from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from knowledge.exchange.exporter import iter_records, write_json


class Command(BaseCommand):
    help = _("Exporteer alle praktijkvoorbeelden naar JSON in het importformaat. '-' schrijft naar stdout.")

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("pad naar het JSON-bestand, of - voor stdout"))
        parser.add_argument(
            "--base-url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help=_("adres van de site, voor de 'url' van elk record"),
        )

    def handle(self, *args, file, base_url, **options):
        records = iter_records(base_url=base_url)
        if file == "-":
            self.stdout.ending = ""
            write_json(records, self.stdout)
            return
        try:
            with open(file, "w", encoding="utf-8") as stream:
                write_json(records, stream)
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from None
