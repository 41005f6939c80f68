from django.core.management.base import BaseCommand

from knowledge.operations.privacy import remove_personal_data


class Command(BaseCommand):
    help = (
        "Verwijder de contactgegevens van een persoon (e-mailadres) uit alle praktijkvoorbeelden en hun versies "
        "(AVG-verwijderverzoek). Met --accounts worden ook gebruikersaccounts met dat adres geanonimiseerd."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--accounts", action="store_true", help="ook accounts met dit adres anonimiseren en blokkeren")

    def handle(self, *args, email, accounts, **options):
        removed = remove_personal_data(email, include_accounts=accounts)
        self.stdout.write(
            f"Verwijderd: contactgegevens uit {removed['cases']} praktijkvoorbeeld(en) en {removed['revisions']} versie(s); "
            f"{removed['accounts']} account(s) geanonimiseerd."
        )
