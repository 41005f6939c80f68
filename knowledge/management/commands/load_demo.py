from django.core.management.base import BaseCommand, CommandError

from knowledge.operations.demo import load_demo


class Command(BaseCommand):
    help = "Laad de voorbeeldinhoud: praktijkvoorbeelden, congresedities en de startpagina. Twee keer draaien verandert niets."

    def handle(self, *args, **options):
        report = load_demo()
        for label, reason in report.failed:
            self.stderr.write(self.style.ERROR(f"mislukt {label}: {reason}"))
        if report.failed:
            raise CommandError("de voorbeeldinhoud is niet volledig geladen")
        self.stdout.write(
            f"Voorbeeldinhoud geladen: {len(report.created)} nieuw, {len(report.updated)} bijgewerkt, "
            f"{len(report.unchanged)} ongewijzigd."
        )
