"""The people the admin tests log in as: an editor, and a contributor of Tilburg (the demo library must exist)."""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from knowledge.editorial.permissions import EDITORS_GROUP

PASSWORD = "een-lang-en-sterk-wachtwoord-2026"


def make_editor():
    user = get_user_model().objects.create_user("erik", "erik@wijkwijs.example", PASSWORD)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


def make_contributor():
    call_command("add_contributor", "anna", "anna@tilburg.example", "Tilburg", "--password", PASSWORD, stdout=io.StringIO())
    return get_user_model().objects.get(username="anna")
