import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core.progress import Progress
from knowledge.exchange.importer import CaseImporter, ImportFileError, count_file_records, read_records, stream_file_records


class Command(BaseCommand):
    help = _("Importeer praktijkvoorbeelden uit een JSON-bestand (formaat: zie docs/exchange-format.md). '-' leest van stdin.")

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("pad naar het JSON-bestand, of - voor stdin"))
        parser.add_argument(
            "--create-themes",
            action="store_true",
            help=_("maak thema's aan die nog niet bestaan; zonder deze optie mislukt een record met een onbekend thema"),
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
            warning = _("waarschuwing %(label)s: %(reason)s") % {"label": label, "reason": reason}
            self.stderr.write(self.style.WARNING(warning))
        for label, reason in report.failed:
            failure = _("mislukt %(label)s: %(reason)s") % {"label": label, "reason": reason}
            self.stderr.write(self.style.ERROR(failure))
        self.stdout.write(
            _("%(created)s nieuw, %(updated)s bijgewerkt, %(unchanged)s ongewijzigd, %(failed)s mislukt")
            % {
                "created": len(report.created),
                "updated": len(report.updated),
                "unchanged": len(report.unchanged),
                "failed": len(report.failed),
            }
        )
        if not report.ok:
            raise CommandError(_("%(failed)s record(s) niet geïmporteerd") % {"failed": len(report.failed)}, returncode=1)
