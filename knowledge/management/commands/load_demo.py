from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from knowledge.operations.demo import load_demo


class Command(BaseCommand):
    help = _("Laad de voorbeeldinhoud: praktijkvoorbeelden, congresedities en de startpagina. Twee keer draaien verandert niets.")

    def handle(self, *args, **options):
        report = load_demo()
        for label, reason in report.failed:
            self.stderr.write(self.style.ERROR(_("mislukt %(label)s: %(reason)s") % {"label": label, "reason": reason}))
        if report.failed:
            raise CommandError(_("de voorbeeldinhoud is niet volledig geladen"))
        self.stdout.write(
            _("Voorbeeldinhoud geladen: %(created)s nieuw, %(updated)s bijgewerkt, %(unchanged)s ongewijzigd.")
            % {
                "created": len(report.created),
                "updated": len(report.updated),
                "unchanged": len(report.unchanged),
            }
        )
