from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string

from knowledge.moderation import contributor_group
from knowledge.review import STALE_AFTER_MONTHS, stale_cases


class Command(BaseCommand):
    help = "Mail de bijdragers van elke gemeente welke praktijkvoorbeelden langer dan 24 maanden niet zijn beoordeeld."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=STALE_AFTER_MONTHS)
        parser.add_argument("--dry-run", action="store_true", help="toon alleen wie een herinnering zou krijgen")

    def handle(self, *args, months, dry_run, **options):
        by_municipality = defaultdict(list)
        for case in stale_cases(months):
            by_municipality[case.municipality].append(case)
        sent = 0
        for municipality, cases in by_municipality.items():
            group = contributor_group(municipality) if municipality else None
            recipients = sorted({user.email for user in group.user_set.filter(is_active=True) if user.email}) if group else []
            if not recipients:
                self.stdout.write(f"{municipality.title if municipality else '?'}: {len(cases)} te herzien, geen bijdragers om te mailen")
                continue
            self.stdout.write(f"{municipality.title}: {len(cases)} te herzien -> {', '.join(recipients)}")
            if dry_run:
                continue
            body = render_to_string("knowledge/email/stale_cases.txt", {
                "municipality": municipality, "cases": cases, "months": months,
                "admin_base": settings.WAGTAILADMIN_BASE_URL,
            })
            send_mail(f"Wijkwijs: {len(cases)} praktijkvoorbeelden van {municipality.title} toe aan herziening",
                      body, settings.DEFAULT_FROM_EMAIL, recipients)
            sent += 1
        self.stdout.write(f"{sent} herinnering(en) verstuurd.")
