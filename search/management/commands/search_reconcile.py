from django.core.management.base import BaseCommand, CommandError

from search.reconcile import reconcile
from search.service import engine_backend


class Command(BaseCommand):
    help = "Vergelijk de zoekindex met de database en herstel de verschillen (na een storing van de zoekserver)."

    def handle(self, *args, **options):
        backend = engine_backend()
        if backend is None:
            self.stdout.write("Zoeken gebruikt de database; er is geen aparte index om te herstellen.")
            return
        try:
            report = reconcile(backend)
        except backend.connection_errors as error:
            raise CommandError(f"de zoekserver is niet bereikbaar: {error}") from None
        self.stdout.write(
            f"{report.replayed} uit de wachtrij verwerkt, {report.added} toegevoegd, {report.updated} bijgewerkt, "
            f"{report.removed} verwijderd; gepubliceerd in index {report.indexed_live}, in database {report.database_live}"
        )
        if not report.in_parity:
            raise CommandError("index en database komen nog niet overeen")
