"""Two-factor authentication with an authenticator app: optional by default, mandatory for editors and admins
with ADMIN_2FA_REQUIRED, and always after the password (whose guessing django-axes still throttles)."""

import time
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from knowledge.operations.demo import load_demo
from tests.people import PASSWORD, make_contributor, make_editor
from twofactor.views import PENDING_KEY

pytestmark = pytest.mark.django_db
LOGIN, SETUP, VERIFY, MANAGE = "/admin/login/", "/admin/2fa/instellen/", "/admin/2fa/code/", "/admin/2fa/"


@pytest.fixture
def library():
    load_demo()


@pytest.fixture
def editor(library):
    return make_editor()


@pytest.fixture
def contributor(library):
    return make_contributor()


@pytest.fixture
def admin_user(library):
    return get_user_model().objects.create_superuser("beheer", "beheer@wijkwijs.example", PASSWORD)


def app_code(key_hex, steps_ahead=0):
    """What an authenticator app with this secret shows, now or a number of 30-second steps later."""
    totp = TOTP(bytes.fromhex(key_hex))
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def wrong_code(key_hex):
    accepted = {app_code(key_hex, steps) for steps in (-1, 0, 1, 2)}
    return next(code for code in (f"{n:06d}" for n in range(1000000)) if code not in accepted)


def app_for(user):
    return TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=True)


def password_login(client, user):
    response = client.post(LOGIN, {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302 and "_auth_user_id" in client.session
    return response


def test_nobody_is_asked_for_a_code_by_default(client, editor, admin_user):
    for user in (editor, admin_user):
        client.force_login(user)
        assert client.get("/admin/").status_code == 200


def test_an_editor_enables_it_with_a_real_code_and_then_needs_a_code_after_the_password(client, editor):
    client.force_login(editor)
    page = client.get(SETUP)
    assert page.status_code == 200
    body = page.content.decode()
    assert '<img src="data:image/svg+xml;base64,' in body
    img_src = next(part for part in page["Content-Security-Policy"].split(";") if part.strip().startswith("img-src"))
    assert "data:" in img_src.split()

    key = client.session[PENDING_KEY]
    assert client.get(SETUP).content.decode().count("data:image/svg+xml") == 1 and client.session[PENDING_KEY] == key
    response = client.post(SETUP, {"code": app_code(key)})
    assert response.status_code == 302 and response["Location"] == MANAGE
    device = TOTPDevice.objects.get(user=editor)
    assert device.confirmed and device.key == key and PENDING_KEY not in client.session
    assert "staat aan" in client.get(MANAGE).content.decode()

    client.logout()
    password_login(client, editor)
    for half_signed_in in ("/admin/", "/admin/pages/", "/zoeken/", MANAGE):
        response = client.get(half_signed_in)
        assert response.status_code == 302 and response["Location"].startswith(VERIFY + "?next=")
    assert client.get(VERIFY + "?next=/admin/pages/").status_code == 200

    response = client.post(VERIFY, {"code": app_code(key, steps_ahead=1), "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused_and_the_next_try_has_to_wait(client, editor):
    device = app_for(editor)
    password_login(client, editor)

    response = client.post(VERIFY, {"code": wrong_code(device.key)})
    assert response.status_code == 200 and "Deze code klopt niet" in response.content.decode()
    assert client.get("/admin/")["Location"].startswith(VERIFY)

    response = client.post(VERIFY, {"code": app_code(device.key)})
    assert "Te veel onjuiste codes" in response.content.decode()
    assert client.get("/admin/")["Location"].startswith(VERIFY)

    for not_a_code in ("", "12345", "abcdef"):
        assert client.post(VERIFY, {"code": not_a_code}).status_code == 200

    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=device.created_at - timedelta(hours=1))
    assert client.post(VERIFY, {"code": app_code(device.key)}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_used_code_cannot_be_used_again(client, editor):
    device = app_for(editor)
    code = app_code(device.key)
    password_login(client, editor)
    assert client.post(VERIFY, {"code": code}).status_code == 302

    client.logout()
    password_login(client, editor)
    assert "Deze code klopt niet" in client.post(VERIFY, {"code": code}).content.decode()


def test_switching_it_off_needs_a_current_code(client, editor):
    device = app_for(editor)
    password_login(client, editor)
    client.post(VERIFY, {"code": app_code(device.key)})

    assert "Deze code klopt niet" in client.post(MANAGE, {"code": wrong_code(device.key)}).content.decode()
    assert TOTPDevice.objects.filter(user=editor).exists()
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)

    assert client.post(MANAGE, {"code": app_code(device.key, steps_ahead=1)})["Location"] == MANAGE
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert "staat uit" in client.get(MANAGE).content.decode()
    client.logout()
    password_login(client, editor)
    assert client.get("/admin/").status_code == 200


def test_required_mode_sends_editors_and_admins_without_an_app_to_the_setup(client, settings, editor, admin_user):
    settings.ADMIN_2FA_REQUIRED = True
    for user in (editor, admin_user):
        client.force_login(user)
        response = client.get("/admin/pages/")
        assert response.status_code == 302 and response["Location"] == SETUP + "?next=/admin/pages/"
        setup = client.get(response["Location"])
        assert "verplicht" in setup.content.decode()

    response = client.post(SETUP, {"code": app_code(client.session[PENDING_KEY]), "next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_required_mode_leaves_contributors_free_to_choose(client, settings, contributor):
    settings.ADMIN_2FA_REQUIRED = True
    client.force_login(contributor)
    assert client.get("/admin/").status_code == 200
    assert "staat uit" in client.get(MANAGE).content.decode()

    app_for(contributor)
    client.logout()
    password_login(client, contributor)
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_the_account_page_links_to_two_factor(client, contributor):
    client.force_login(contributor)
    assert MANAGE in client.get("/admin/account/").content.decode()


def test_an_admin_switches_it_off_for_someone_who_lost_their_phone(client, editor, admin_user, contributor):
    app_for(editor)
    reset = f"/admin/2fa/uitzetten/{editor.pk}/"

    client.force_login(contributor)
    for refused in (client.get(reset), client.post(reset)):
        assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's answer to PermissionDenied
    assert TOTPDevice.objects.filter(user=editor).exists()

    client.force_login(admin_user)
    assert reset in client.get("/admin/users/").content.decode()
    assert client.get(reset).status_code == 200
    assert client.post(reset).status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert client.get(f"/admin/2fa/uitzetten/{admin_user.pk}/")["Location"] == "/admin/"


def test_password_guessing_is_still_throttled_before_the_code_step(client, editor):
    app_for(editor)
    for _ in range(10):
        client.post(LOGIN, {"username": editor.username, "password": "fout"}, REMOTE_ADDR="10.2.2.1")
    response = client.post(LOGIN, {"username": editor.username, "password": PASSWORD}, REMOTE_ADDR="10.2.2.2")
    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in client.session
    assert "Inloggen tijdelijk geblokkeerd" in response.content.decode()
