import sys

from django.core.management.base import BaseCommand, CommandError

from knowledge.exchange.importer import CaseImporter, ImportFileError, count_file_records, read_records, stream_file_records
from core.progress import Progress


class Command(BaseCommand):
    help = "Importeer praktijkvoorbeelden uit een JSON-bestand (formaat: zie DESIGN.md). '-' leest van stdin."

    def add_arguments(self, parser):
        parser.add_argument("file", help="pad naar het JSON-bestand, of - voor stdin")
        parser.add_argument(
            "--create-themes", action="store_true",
            help="maak thema's aan die nog niet bestaan; zonder deze optie mislukt een record met een onbekend thema",
        )

    def handle(self, *args, file, create_themes, **options):
        try:
            if file == "-":
                raw_records = read_records(sys.stdin)
                total = len(raw_records)
            else:
                # Checked as a whole first, then imported record by record: memory stays flat for any size.
                total = count_file_records(file)
                raw_records = stream_file_records(file)
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from None
        except ImportFileError as error:
            raise CommandError(f"{file}: {error}") from None

        progress = Progress(total, stream=self.stderr._out)
        report = CaseImporter(create_themes=create_themes).run(raw_records, progress=progress.update)
        progress.finish()

        for label, reason in report.warnings:
            self.stderr.write(self.style.WARNING(f"waarschuwing {label}: {reason}"))
        for label, reason in report.failed:
            self.stderr.write(self.style.ERROR(f"mislukt {label}: {reason}"))
        self.stdout.write(
            f"{len(report.created)} nieuw, {len(report.updated)} bijgewerkt, "
            f"{len(report.unchanged)} ongewijzigd, {len(report.failed)} mislukt"
        )
        if not report.ok:
            raise CommandError(f"{len(report.failed)} record(s) niet geïmporteerd", returncode=1)
