"""Wijkwijs settings: one module, configured through the environment (see README)."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.csp import SITE_POLICY, with_map_tiles
from config.env import env_bool, env_int, env_list, env_str
from config.search_url import engine_name, search_backends

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random value, or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "development-only-key-not-for-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    "home",
    "knowledge",
    "search",
    "api",
    "twofactor",
    "engagement",
    "wagtail.api.v2",
    "rest_framework",
    "drf_spectacular",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads the body (CsrfViewMiddleware reads the form).
    "config.middleware.RequestBodyLimitMiddleware",
    "config.middleware.AdminInDutch",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "twofactor.middleware.TwoFactorMiddleware",
    "api.ratelimit.ApiRateLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Read the file through a memory map instead of a read() per page: a third off database search at
    # 10,000 cases (see docs/scaling.md). The map is shared by every connection through the OS page cache.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA mmap_size=536870912;"
# Anonymous reads from a PostgreSQL streaming replica (config/db_router.py, docs/scaling.md).
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
# How long whoever just wrote something keeps reading from the primary: longer than the replica's usual lag.
DATABASE_REPLICA_PIN_SECONDS = env_int("DATABASE_REPLICA_PIN_SECONDS", 10)
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60), conn_health_checks=True
    )
    # A replica that is gone is noticed in two seconds, not the operating system's minutes.
    DATABASES["replica"].setdefault("OPTIONS", {})["connect_timeout"] = 2
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["config.db_router.ReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"), "config.db_router.ReadFromReplicaMiddleware"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")

# Search
SEARCH_URL = env_str("SEARCH_URL")
SEARCH_ENGINE = engine_name(SEARCH_URL)
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", "wijkwijs_")
SEARCH_TIMEOUT_SECONDS = env_int("SEARCH_TIMEOUT_SECONDS", 3)
# Shards and replicas of the engine's indexes (docs/scaling.md); unset, the engine's defaults apply.
SEARCH_SHARDS = env_int("SEARCH_SHARDS", None)
SEARCH_REPLICAS = env_int("SEARCH_REPLICAS", None)
WAGTAILSEARCH_BACKENDS = search_backends(
    SEARCH_URL, SEARCH_INDEX_PREFIX, SEARCH_TIMEOUT_SECONDS, shards=SEARCH_SHARDS, replicas=SEARCH_REPLICAS
)
SEARCH_WORDS_DIR = BASE_DIR / "search" / "words"
SEARCH_PAGE_SIZE_MAX = 50

API_RATE_LIMIT = env_int("API_RATE_LIMIT", 120)

# The OpenAPI document of /api/schema/ is generated from the API's views and serializers (api/schema.py).
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
SPECTACULAR_SETTINGS = {
    "TITLE": _("Wijkwijs open data"),
    "DESCRIPTION": _(
        "Praktijkvoorbeelden van wijkgericht werken, om te zoeken, te exporteren en over te nemen op andere "
        "platforms. Vermeld bij hergebruik de bron (de url van het praktijkvoorbeeld) en volg de licentie "
        "per praktijkvoorbeeld (standaard CC BY 4.0)."
    ),
    "VERSION": "1.0.0",
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/deed.nl"},
    "TAGS": [{"name": _("Zoeken")}, {"name": _("Exporteren")}, {"name": _("Pagina's")}],
    "OAS_VERSION": "3.0.3",
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
    # In the order of api/urls.py and of the serializers' fields: search first, q first.
    "SORT_OPERATIONS": False,
    "SORT_OPERATION_PARAMETERS": False,
    "AUTHENTICATION_WHITELIST": [],  # the API asks no one to log in
    # Without drf-spectacular's enum hook, enums stay inline, next to the field they limit.
    "POSTPROCESSING_HOOKS": ["api.schema.describe_api"],
}

# The maps' base layer: the government's BRT-Achtergrondkaart (PDOK), an XYZ template of 256-pixel tiles in web
# mercator. Empty: the maps show their markers on a blank background (the tests, a site without outside requests).
MAP_TILE_URL = env_str(
    "MAP_TILE_URL", "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
)
MAP_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "Kaartgegevens &copy; Kadaster")
# "limits" holds the counters of the rate limits (core.counters). In files, so that every gunicorn worker
# on the machine counts with the same numbers; the default cache keeps each process's computed data in memory.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "limits": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env_str("LIMITS_CACHE_DIR") or str(BASE_DIR / "var" / "limits"),
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    },
}

# Wagtail
WAGTAIL_SITE_NAME = "Wijkwijs"
# The public address of the site, for links in mails (never the address a request happened to come in on).
SITE_BASE_URL = (env_str("SITE_BASE_URL") or env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")).rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
WAGTAIL_I18N_ENABLED = False
# The admin is Dutch (config.middleware.AdminInDutch); a user may still choose English in their account.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAILADMIN_USER_LOGIN_FORM = "knowledge.editorial.admin_login.LoginForm"
WAGTAIL_FINISH_WORKFLOW_ACTION = "knowledge.editorial.workflow.publish_as_reviewed"
# How a case's text is split into the parts of its Dutch compounds for the search index: a language resource
# of the search app, which the content models may not import (docs/architecture.md).
WIJKWIJS_COMPOUND_SPLITTER = "search.dutch.compound_parts_of"
# Documents are always served by Wagtail's view, which checks private collections ("Inzendingen"); never by a
# link or redirect to the file in storage.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "ppt", "pptx", "odp", "xls", "xlsx", "ods", "csv", "txt"]
TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "wijkwijs": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "opensearch": {"level": "ERROR"},
        "elastic_transport": {"level": "ERROR"},
    },
}

# Production security (see README). TLS ends at the reverse proxy, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its own preview views as same-origin
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MANIFEST_STRICT = False

CONTENT_SECURITY_POLICY = {"DIRECTIVES": with_map_tiles(SITE_POLICY, MAP_TILE_URL)}

PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 0)
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = 1  # hour
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "errors/login_locked.html"
# One client address for login throttling, the submission limit and the API rate limit.
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_address"

# Two-factor authentication with an authenticator app (TOTP): optional, or mandatory for editors and admins.
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", False)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# The admin calls no third parties: no avatars by e-mail hash (a personal data transfer), no version check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_UPGRADE_NOTIFICATION = False

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "redactie@wijkwijs.nl")
EDITORS_EMAIL = env_str("EDITORS_EMAIL", "redactie@wijkwijs.nl")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The largest request body per path prefix (config.middleware.RequestBodyLimitMiddleware): /delen/ takes five
# attachments of 10 MB and the text of the form.
REQUEST_BODY_LIMITS = {"/delen/": 5 * 10 * 1024 * 1024 + 1024 * 1024}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
