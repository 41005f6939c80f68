from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from search.reconcile import reconcile
from search.service import engine_backend


class Command(BaseCommand):
    help = _("Vergelijk de zoekindex met de database en herstel de verschillen (na een storing van de zoekserver).")

    def handle(self, *args, **options):
        backend = engine_backend()
        if backend is None:
            self.stdout.write(_("Zoeken gebruikt de database; er is geen aparte index om te herstellen."))
            return
        try:
            report = reconcile(backend)
        except backend.connection_errors as error:
            raise CommandError(_("de zoekserver is niet bereikbaar: %(error)s") % {"error": error}) from None
        self.stdout.write(
            _(
                "%(replayed)s uit de wachtrij verwerkt, %(added)s toegevoegd, %(updated)s bijgewerkt, %(removed)s "
                "verwijderd; gepubliceerd in index %(indexed_live)s, in database %(database_live)s"
            )
            % vars(report)
        )
        if not report.in_parity:
            raise CommandError(_("index en database komen nog niet overeen"))
