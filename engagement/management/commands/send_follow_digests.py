from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from engagement.follow.digest import send_digests


class Command(BaseCommand):
    help = _(
        "Stuur elke volger de praktijkvoorbeelden die sinds het vorige overzicht nieuw of bijgewerkt zijn, en verwijder "
        "onbevestigde adressen waarvan de link verlopen is. Wekelijks vanuit cron."
    )

    def handle(self, *args, **options):
        run = send_digests()
        self.stdout.write(
            _(
                "%(sent)s overzichten verstuurd, %(quiet)s volgers zonder nieuws, %(failed)s mislukt, "
                "%(deleted)s onbevestigde adressen verwijderd."
            )
            % {"sent": run.sent, "quiet": run.without_news, "failed": run.failed, "deleted": run.unconfirmed_deleted}
        )
        if run.failed:
            raise SystemExit(1)
