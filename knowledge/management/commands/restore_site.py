from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from knowledge.operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = _("Zet een backup van backup_site terug (database en media) en bouw de zoekindex opnieuw op.")

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        try:
            manifest = restore_backup(file)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from None
        call_command("update_index", verbosity=0)
        self.stdout.write(
            _("Teruggezet: %(cases)s praktijkvoorbeelden uit %(created)s; zoekindex opnieuw opgebouwd.")
            % {"cases": manifest["cases"], "created": manifest["created"]}
        )
