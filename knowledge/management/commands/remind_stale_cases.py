from collections import defaultdict

from django.core.management.base import BaseCommand

from knowledge.editorial.stale_cases import STALE_AFTER_MONTHS, contributor_emails, send_review_reminder, stale_cases


class Command(BaseCommand):
    help = ("Mail de bijdragers van elke gemeente welke praktijkvoorbeelden nooit of langer dan 24 maanden "
            "geleden zijn beoordeeld.")

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=STALE_AFTER_MONTHS)
        parser.add_argument("--dry-run", action="store_true", help="toon alleen wie een herinnering zou krijgen")

    def handle(self, *args, months, dry_run, **options):
        by_municipality = defaultdict(list)
        for case in stale_cases(months):
            by_municipality[case.municipality].append(case)
        sent = 0
        for municipality, cases in by_municipality.items():
            recipients = contributor_emails(municipality)
            if not recipients:
                self.stdout.write(f"{municipality.title if municipality else '?'}: {len(cases)} te herzien, geen bijdragers om te mailen")
                continue
            self.stdout.write(f"{municipality.title}: {len(cases)} te herzien -> {', '.join(recipients)}")
            if dry_run:
                continue
            send_review_reminder(municipality, cases, recipients, months)
            sent += 1
        self.stdout.write(f"{sent} herinnering(en) verstuurd.")
