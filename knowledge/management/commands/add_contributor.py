from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from knowledge.editorial.permissions import ensure_contributor_group, set_password_link
from knowledge.models import MunicipalityPage


class Command(BaseCommand):
    help = _(
        "Maak een bijdrager aan (of breid een bestaande uit) die de praktijkvoorbeelden van een gemeente mag "
        "schrijven. Zonder --password wordt een link om een wachtwoord te kiezen gemaild en getoond."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("email")
        parser.add_argument("municipality", help=_("naam of slug van de gemeente, bijvoorbeeld Tilburg"))
        parser.add_argument("--password", help=_("wachtwoord; laat weg om een link te sturen"))

    @transaction.atomic
    def handle(self, *args, username, email, municipality, password=None, **options):
        page = (
            MunicipalityPage.objects.filter(title__iexact=municipality).first()
            or MunicipalityPage.objects.filter(slug=municipality.lower()).first()
        )
        if page is None:
            raise CommandError(
                _("gemeente %(municipality)r bestaat niet; importeer of maak haar eerst aan") % {"municipality": municipality}
            )
        User = get_user_model()
        user, created = User.objects.get_or_create(username=username, defaults={"email": email})
        if not created and user.email != email:
            user.email = email
        if password:
            try:
                validate_password(password, user)
            except ValidationError as error:
                reasons = " ".join(error.messages)
                raise CommandError(_("wachtwoord te zwak: %(reasons)s") % {"reasons": reasons}) from None
            user.set_password(password)
        elif created:
            user.set_unusable_password()
        user.is_active = True
        user.save()
        user.groups.add(ensure_contributor_group(page))

        done = (
            _("Bijdrager %(username)s aangemaakt: schrijft voor %(municipality)s.")
            if created
            else _("Bijdrager %(username)s bijgewerkt: schrijft voor %(municipality)s.")
        )
        self.stdout.write(done % {"username": username, "municipality": page.title})
        if not password:
            link = set_password_link(user, settings.WAGTAILADMIN_BASE_URL)
            send_mail(
                _("Welkom bij Wijkwijs"),
                _(
                    "U kunt nu praktijkvoorbeelden van %(municipality)s schrijven op Wijkwijs.\n\n"
                    "Kies hier uw wachtwoord:\n%(link)s\n"
                )
                % {"municipality": page.title, "link": link},
                settings.DEFAULT_FROM_EMAIL,
                [email],
            )
            self.stdout.write(
                _("Link om een wachtwoord te kiezen (ook gemaild naar %(email)s):\n%(link)s") % {"email": email, "link": link}
            )
