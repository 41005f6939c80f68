from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexBacklog(models.Model):
    """A change that did not reach the search engine because it was unreachable.

    `search_reconcile` replays these, and so do the searches after an outage, a part each.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    deleted = models.BooleanField(default=False)
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("openstaande indexwijziging")
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="unique_backlog_object")]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id}"
