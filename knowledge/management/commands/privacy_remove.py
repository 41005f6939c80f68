from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from knowledge.operations.privacy import remove_personal_data


class Command(BaseCommand):
    help = _(
        "Verwijder de contactgegevens van een persoon (e-mailadres) uit alle praktijkvoorbeelden en hun versies, "
        "en wat dat adres volgt (AVG-verwijderverzoek). Met --accounts worden ook gebruikersaccounts met dat adres "
        "geanonimiseerd."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--accounts", action="store_true", help=_("ook accounts met dit adres anonimiseren en blokkeren"))

    def handle(self, *args, email, accounts, **options):
        removed = remove_personal_data(email, include_accounts=accounts)
        self.stdout.write(
            _(
                "Verwijderd: contactgegevens uit %(cases)s praktijkvoorbeeld(en) en %(revisions)s versie(s), "
                "%(follows)s gevolgde zoekopdracht(en); "
                "%(accounts)s account(s) geanonimiseerd."
            )
            % removed
        )
