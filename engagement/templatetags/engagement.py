"""What content pages show of engagement without importing it: the question form of a case page."""

from django import template

from engagement.questions.forms import QuestionForm
from engagement.questions.mails import to_contact_person

register = template.Library()


@register.inclusion_tag("engagement/includes/ask_form.html", takes_context=True)
def ask_form(context, case):
    return {"case": case, "form": QuestionForm(), "direct": to_contact_person(case), "request": context.get("request")}
