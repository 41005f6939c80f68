from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from knowledge.operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = _("Schrijf de database en de media naar een gedateerd archief (backups/wijkwijs-JJJJMMDD-UUMMSS.tar.gz).")

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default="backups", help=_("map voor het archief"))

    def handle(self, *args, output_dir, **options):
        try:
            path, manifest = create_backup(output_dir)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            _("Backup geschreven: %(path)s (%(cases)s praktijkvoorbeelden, %(database)s)")
            % {"path": path, "cases": manifest["cases"], "database": manifest["database"]}
        )
