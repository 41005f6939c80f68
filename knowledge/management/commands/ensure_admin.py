import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-login"


class Command(BaseCommand):
    help = _("Maak een beheerder 'admin' aan als er nog geen is, en toon de inloggegevens (alleen voor lokaal gebruik).")

    def handle(self, *args, **options):
        User = get_user_model()
        if not User.objects.filter(is_superuser=True).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "admin@example.org", password)
            PASSWORD_FILE.write_text(f"admin {password}\n", encoding="utf-8")
            PASSWORD_FILE.chmod(0o600)
        if PASSWORD_FILE.exists():
            username, password = PASSWORD_FILE.read_text(encoding="utf-8").split()
            self.stdout.write(
                _("Beheer: %(url)s  gebruiker: %(username)s  wachtwoord: %(password)s")
                % {"url": f"{settings.WAGTAILADMIN_BASE_URL}/admin/", "username": username, "password": password}
            )
        else:
            self.stdout.write(_("Er bestaat al een beheerder; log in met het wachtwoord dat u daarvoor koos."))
