"""Production settings, headers and login throttling, as a visitor or an attacker meets them."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

pytestmark = pytest.mark.django_db
PASSWORD = "een-lang-en-sterk-wachtwoord-2026"


def test_security_headers_on_public_pages(client):
    response = client.get("/zoeken/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "object-src 'none'" in policy and "frame-ancestors 'self'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_hsts_on_requests_that_came_over_https(client):
    response = client.get("/zoeken/", HTTP_X_FORWARDED_PROTO="https")
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


@override_settings(SECURE_SSL_REDIRECT=True)
def test_plain_http_is_redirected_to_https_but_the_proxy_header_is_trusted(client):
    response = client.get("/zoeken/")
    assert response.status_code == 301 and response["Location"].startswith("https://")
    assert client.get("/zoeken/", HTTP_X_FORWARDED_PROTO="https").status_code == 200


def test_admin_has_its_own_policy_that_allows_its_inline_code(client):
    response = client.get("/admin/login/")
    assert "'unsafe-inline'" in response["Content-Security-Policy"]


def test_session_and_csrf_cookies_are_secure_and_http_only(settings):
    assert not settings.DEBUG
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE and settings.SESSION_COOKIE_HTTPONLY


def test_password_guessing_is_throttled_even_with_the_right_password(client):
    get_user_model().objects.create_user("redacteur", "r@example.org", PASSWORD, is_staff=True)
    for _ in range(10):
        client.post("/admin/login/", {"username": "redacteur", "password": "fout"}, REMOTE_ADDR="10.1.1.1")
    response = client.post("/admin/login/", {"username": "redacteur", "password": PASSWORD}, REMOTE_ADDR="10.1.1.2")
    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in client.session
    assert "Inloggen tijdelijk geblokkeerd" in response.content.decode()


def test_behind_a_proxy_login_throttling_blocks_the_guesser_not_everyone(client, settings):
    settings.PROXY_COUNT = 1
    get_user_model().objects.create_user("redacteur", "r@example.org", PASSWORD, is_staff=True)
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for number in range(10):
        client.post(
            "/admin/login/", {"username": f"gok{number}", "password": "fout"}, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy
        )
    guesser = client.post(
        "/admin/login/", {"username": "redacteur", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy
    )
    assert guesser.status_code in (403, 429) and "_auth_user_id" not in client.session
    colleague = client.post(
        "/admin/login/", {"username": "redacteur", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy
    )
    assert colleague.status_code == 302 and "_auth_user_id" in client.session


def test_weak_passwords_are_refused(db):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("wachtwoord", "12345678901234", "kort"):
        with pytest.raises(ValidationError):
            validate_password(weak)


def test_reflected_input_is_escaped_everywhere(client):
    payload = '"><script>alert(1)</script>'
    for url in ("/zoeken/", "/api/autocomplete/", "/api/search/"):
        body = client.get(url, {"q": payload}).content.decode()
        assert "<script>alert(1)</script>" not in body


def test_unknown_pages_get_the_friendly_404(client):
    response = client.get("/bestaat/niet/")
    assert response.status_code == 404 and "Pagina niet gevonden" in response.content.decode()


def test_password_reset_mails_are_limited_per_account_and_address(client):
    from django.core import mail

    get_user_model().objects.create_user("redacteur", "r@example.org", PASSWORD, is_staff=True)
    for _ in range(13):
        response = client.post("/admin/password_reset/", {"email": "r@example.org"})
        assert response.status_code == 302 and response["Location"] == "/admin/password_reset/done/"
    assert len(mail.outbox) == 3
    for number in range(12):
        client.post("/admin/password_reset/", {"email": f"onbekend{number}@example.org"}, REMOTE_ADDR="10.9.9.9")
    get_user_model().objects.create_user("bijdrager", "b@example.org", PASSWORD, is_staff=True)
    client.post("/admin/password_reset/", {"email": "b@example.org"}, REMOTE_ADDR="10.9.9.9")
    assert len(mail.outbox) == 3  # that address asked too often
    client.post("/admin/password_reset/", {"email": "b@example.org"}, REMOTE_ADDR="10.9.9.10")
    assert len(mail.outbox) == 4
