"""Who must use two-factor authentication, and who may switch it off for someone else."""

from django.conf import settings

from knowledge.editorial.permissions import is_editor


def required_for(user):
    """ADMIN_2FA_REQUIRED makes it mandatory for editors and admins; contributors may always choose."""
    return settings.ADMIN_2FA_REQUIRED and is_editor(user)


def can_reset(current_user, user):
    """Like Wagtail's rule for deleting users: a user manager may reset others, but only admins reset admins.
    Users switch off their own with a code from their app instead."""
    if current_user == user or not current_user.has_perm("auth.change_user"):
        return False
    return current_user.is_superuser or not user.is_superuser
