from django.db import models
from django.utils.translation import gettext_lazy as _


class Follow(models.Model):
    """An e-mail address that follows one search (a theme, a place, words, filters), and nothing more about
    the person: the privacy statement promises the address, what it follows and whether it was confirmed."""

    email = models.EmailField(_("e-mailadres"))
    # The followed search as the URL query of /zoeken/ without sort and paging (engagement.follow.followed).
    query = models.TextField(_("zoekopdracht"), blank=True)
    confirmed = models.BooleanField(_("bevestigd"), default=False)
    created_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True)
    # Cases published after this moment go in the next digest; set when the address confirms.
    digest_sent_until = models.DateTimeField(_("overzicht verstuurd tot"), null=True, blank=True)

    class Meta:
        verbose_name = _("volger")
        verbose_name_plural = _("volgers")
        constraints = [models.UniqueConstraint(fields=["email", "query"], name="one_follow_per_address_and_search")]

    def __str__(self):
        return f"{self.email}: {self.query or '*'}"


class CaseQuestionCount(models.Model):
    """How many questions were sent about a case through its form. The questions themselves are not kept."""

    case = models.OneToOneField(
        "knowledge.CaseStudyPage", on_delete=models.CASCADE, related_name="question_count", verbose_name=_("praktijkvoorbeeld")
    )
    count = models.PositiveIntegerField(_("aantal vragen"), default=0)

    class Meta:
        verbose_name = _("aantal vragen")
        verbose_name_plural = _("aantallen vragen")

    def __str__(self):
        return f"{self.case_id}: {self.count}"
