from django.core.management.base import BaseCommand, CommandError

from knowledge.operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Schrijf de database en de media naar een gedateerd archief (backups/wijkwijs-JJJJMMDD-UUMMSS.tar.gz)."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default="backups")

    def handle(self, *args, output_dir, **options):
        try:
            path, manifest = create_backup(output_dir)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backup geschreven: {path} ({manifest['cases']} praktijkvoorbeelden, {manifest['database']})")
