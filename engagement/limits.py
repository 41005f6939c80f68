"""Per-address limits on the forms that send mail (following, asking), counted like the submission limit in
the counters every server process shares: a form cannot be used to flood someone's inbox."""

from core.client_address import client_address
from core.counters import count, current

WINDOW_SECONDS = 3600
FOLLOWS_PER_HOUR = 10
QUESTIONS_PER_HOUR = 5


class MailLimit:
    def __init__(self, name, per_hour):
        self.name = name
        self.per_hour = per_hour

    def _key(self, request):
        return f"{self.name}-count:{client_address(request)}"

    def allowed(self, request):
        return current(self._key(request)) < self.per_hour

    def count(self, request):
        count(self._key(request), WINDOW_SECONDS)


FOLLOW_LIMIT = MailLimit("follow", FOLLOWS_PER_HOUR)
QUESTION_LIMIT = MailLimit("question", QUESTIONS_PER_HOUR)
