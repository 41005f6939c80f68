from collections import defaultdict

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from knowledge.editorial.stale_cases import STALE_AFTER_MONTHS, contributor_emails, send_review_reminder, stale_cases


class Command(BaseCommand):
    help = _(
        "Mail de bijdragers van elke gemeente welke praktijkvoorbeelden nooit of langer dan 24 maanden geleden zijn beoordeeld."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months", type=int, default=STALE_AFTER_MONTHS, help=_("na hoeveel maanden een beoordeling verloopt")
        )
        parser.add_argument("--dry-run", action="store_true", help=_("toon alleen wie een herinnering zou krijgen"))

    def handle(self, *args, months, dry_run, **options):
        by_municipality = defaultdict(list)
        for case in stale_cases(months):
            by_municipality[case.municipality].append(case)
        sent = 0
        for municipality, cases in by_municipality.items():
            recipients = contributor_emails(municipality)
            if not recipients:
                self.stdout.write(
                    _("%(municipality)s: %(count)s te herzien, geen bijdragers om te mailen")
                    % {"municipality": municipality.title if municipality else "?", "count": len(cases)}
                )
                continue
            self.stdout.write(
                _("%(municipality)s: %(count)s te herzien -> %(recipients)s")
                % {"municipality": municipality.title, "count": len(cases), "recipients": ", ".join(recipients)}
            )
            if dry_run:
                continue
            send_review_reminder(municipality, cases, recipients, months)
            sent += 1
        self.stdout.write(_("%(sent)s herinnering(en) verstuurd.") % {"sent": sent})
