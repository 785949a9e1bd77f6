"""Umebrå's one settings module, read from the environment (README.md lists every variable).

With nothing set it runs as a development instance on the embedded defaults: a SQLite file and
Celery on kombu's filesystem broker under ``var/``. ``DJANGO_DEBUG=0`` switches on production
hardening; ``DATABASE_URL`` and ``REDIS_URL`` move it onto PostgreSQL and Redis.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

# Local state of a development instance (SQLite file, broker folders, beat schedule).
VAR_DIR = Path(env.str("UMEBRA_VAR_DIR", default=str(BASE_DIR / "var")))

DEBUG = env.bool("DJANGO_DEBUG", default=True)

if DEBUG:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="development-only-not-secret-" + "x" * 40)
else:
    try:
        SECRET_KEY = env.str("DJANGO_SECRET_KEY")
    except ImproperlyConfigured as error:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY when DJANGO_DEBUG=0.") from error

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS",
    default=["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else [],
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "umebra.apps.UmebraAdminConfig",  # django.contrib.admin, on a site of ours
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",  # Django's widget templates, for FORM_RENDERER below
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "guardian",
    "simple_history",
    # Order matters where apps register with the core: the core first, then the apps that
    # stand on it (docs/architecture.md).
    "umebra",
    "umebra.audit",
    "umebra.two_factor",
    "umebra.sso",
    "djangosaml2",
    "umebra.accessibility",
    "collaboration",
    "cases",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "umebra.middleware.RequestSizeLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # SAML's own session cookie, sent on the identity provider's cross-site POST (umebra.sso).
    "djangosaml2.middleware.SamlSessionMiddleware",
    "umebra.middleware.IdleTimeoutMiddleware",
    "umebra.middleware.SwedishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "umebra.two_factor.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "umebra.middleware.NoStoreMiddleware",
    "umebra.submissions.OneSubmissionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lock-out into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

if not DEBUG:
    # Production serves its own static files, compressed and cached forever by hashed name;
    # in development `runserver` serves them from the source folders.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "umebra.urls"
WSGI_APPLICATION = "umebra.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "umebra.context_processors.membership",
            ],
            "builtins": [
                "umebra.templatetags.figures",
                "umebra.templatetags.once",
                "umebra.templatetags.people",
            ],
        },
    },
]

# Forms draw their widgets with the project's templates, so that templates/django/forms can
# replace Django's widget templates where a faster one draws the same HTML.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# --- Database --------------------------------------------------------------------------------
if "DATABASE_URL" not in env:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'umebra.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves a web server and a worker at once: a writer waits for
    # the lock instead of failing with "database is locked" when two log in together.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
# A connection that died while idle (database restart) is replaced, not reused.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Every choice field of every form reads its choices with QuerySet.iterator(), which on
# PostgreSQL means a server-side cursor: DECLARE, FETCH and CLOSE, three round trips for a
# dozen rows. Nothing here streams a large result that way (the audit chain reads in keyset
# chunks), and a transaction-pooling proxy (PgBouncer) needs them off anyway.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters are sent apart from the SQL, and a statement run a few times on a connection
    # is prepared: PostgreSQL parses it once instead of on every request. A transaction-
    # pooling PgBouncer needs 1.21 or newer with max_prepared_statements set;
    # DATABASE_PREPARE_THRESHOLD=0 turns preparing off for older poolers.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "server_side_binding": True,
            "prepare_threshold": env.int("DATABASE_PREPARE_THRESHOLD", default=5) or None,
        }
    )
    # Each session's settings (docs/benchmarks.md). A prepared statement is planned anew for
    # its parameters each time: after five runs PostgreSQL would keep one plan for every
    # municipality, made for an average one, and a large city paid for it (the police's
    # effort list 488 ms with that plan, 65 ms planned for Umeå). And no query is split
    # among parallel workers: starting them cost a list page 15 ms of its 21, for work one
    # process does in less. Behind a pooler that refuses startup options, set them on the
    # database instead (ALTER DATABASE … SET …) and this to "".
    if session := env.str(
        "DATABASE_SESSION_OPTIONS",
        default="-c plan_cache_mode=force_custom_plan -c max_parallel_workers_per_gather=0",
    ):
        DATABASES["default"]["OPTIONS"]["options"] = session
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Identity ----------------------------------------------------------------------------------
AUTH_USER_MODEL = "umebra.User"
AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out user is refused before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # The municipality's identity provider, where configured (umebra.sso, below).
    "umebra.sso.oidc.OIDCBackend",
    "umebra.sso.saml.SAMLBackend",
    "guardian.backends.ObjectPermissionBackend",
]
# Object permissions live in per-model tables with a direct foreign key (cases.models);
# no guardian "anonymous user" is made: anonymous visitors get nothing.
ANONYMOUS_USER_NAME = None
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# Idle timeout: a session ends after this long without a request (every request renews it).
SESSION_COOKIE_AGE = env.int("UMEBRA_SESSION_IDLE_MINUTES", default=30) * 60
# Each request extends the session, saving it at most once a minute (IdleTimeoutMiddleware).
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Lock-out after repeated failed logins (django-axes), for a while, of two things: the account,
# whatever address the failures came from (guessing spread over addresses), and the client, an
# address with its browser, whatever accounts it tried (one password sprayed over many). The
# address alone would shut out a whole office behind one NAT after a few typos.
AXES_FAILURE_LIMIT = env.int("UMEBRA_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("UMEBRA_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", ["ip_address", "user_agent"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The client address (lock-out records, the access log) is REMOTE_ADDR, unless proxies are in
# front: then the address the nearest of UMEBRA_PROXY_COUNT proxies saw in X-Forwarded-For.
if proxy_count := env.int("UMEBRA_PROXY_COUNT", default=0):
    AXES_IPWARE_PROXY_COUNT = proxy_count
    AXES_IPWARE_PROXY_ORDER = "right-most"
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
# Sensitive steps (a new authenticator, approving a role …) ask for the password again when it
# was last checked longer ago than this (umebra.reauth).
UMEBRA_REAUTH_MINUTES = env.int("UMEBRA_REAUTH_MINUTES", default=5)
# Two-factor login (django-otp): the issuer shown in authenticator apps.
OTP_TOTP_ISSUER = "Umebrå"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Single sign-on (umebra.sso) ---------------------------------------------------------------
# The municipality's identity provider proves who someone is; roles stay memberships here.
# OpenID Connect: the issuer (its discovery document names the endpoints) and this client.
UMEBRA_OIDC_ISSUER = env.str("UMEBRA_OIDC_ISSUER", default="")
UMEBRA_OIDC_CLIENT_ID = env.str("UMEBRA_OIDC_CLIENT_ID", default="")
UMEBRA_OIDC_CLIENT_SECRET = env.str("UMEBRA_OIDC_CLIENT_SECRET", default="")
UMEBRA_OIDC_SCOPES = env.str("UMEBRA_OIDC_SCOPES", default="openid")
# The claim that identifies a person for good: the subject, or e.g. an HSA-id claim.
UMEBRA_OIDC_IDENTIFIER_CLAIM = env.str("UMEBRA_OIDC_IDENTIFIER_CLAIM", default="sub")
OIDC_RP_SIGN_ALGO = env.str("UMEBRA_OIDC_SIGN_ALGO", default="RS256")
OIDC_USE_PKCE = True
OIDC_STORE_ID_TOKEN = True  # for the provider's logout (id_token_hint)
OIDC_CREATE_USER = False
OIDC_TIMEOUT = 10
LOGIN_REDIRECT_URL_FAILURE = "/sso/refused/"
# SAML 2.0: the identity provider's metadata (a URL or a file) and this service's entity id;
# a key and certificate sign requests and logouts where the provider wants them signed.
UMEBRA_SAML_METADATA = env.str("UMEBRA_SAML_METADATA", default="")
UMEBRA_SAML_ENTITY_ID = env.str("UMEBRA_SAML_ENTITY_ID", default="")
# Which of the metadata's identity providers is the municipality's, when it names several
# (a federation's metadata): only that one's answers log anyone in.
UMEBRA_SAML_IDP_ENTITY_ID = env.str("UMEBRA_SAML_IDP_ENTITY_ID", default="")
UMEBRA_SAML_IDENTIFIER_ATTRIBUTE = env.str("UMEBRA_SAML_IDENTIFIER_ATTRIBUTE", default="")
UMEBRA_SAML_KEY_FILE = env.str("UMEBRA_SAML_KEY_FILE", default="")
UMEBRA_SAML_CERT_FILE = env.str("UMEBRA_SAML_CERT_FILE", default="")
SAML_CONFIG_LOADER = "umebra.sso.saml.sp_config"
SAML_DEFAULT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
SAML_CREATE_UNKNOWN_USER = False
SAML_LOGOUT_REQUEST_PREFERRED_BINDING = SAML_DEFAULT_BINDING
# How the provider says the login used several factors (OIDC acr or amr, SAML
# AuthnContextClassRef): Sweden Connect's assurance levels 3 and 4 and RFC 8176's "mfa" by
# default. Then Umebrå does not ask its own second factor again.
UMEBRA_SSO_MFA_VALUES = env.list(
    "UMEBRA_SSO_MFA_VALUES",
    default=[
        "http://id.elegnamnden.se/loa/1.0/loa3",
        "http://id.elegnamnden.se/loa/1.0/loa4",
        "mfa",
    ],
)
# Whom a person the provider knows, and Umebrå does not, should ask (e.g. the service desk).
UMEBRA_SSO_CONTACT = env.str("UMEBRA_SSO_CONTACT", default="")

# --- Language and time -------------------------------------------------------------------------
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

# --- Static files ----------------------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed file names need `collectstatic`, which only production runs.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))

# --- Background jobs -----------------------------------------------------------------------
# Jobs carry the id of a database row that holds their state, so no result backend is kept.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
else:
    # The embedded broker: kombu's filesystem transport, shared by web and worker through
    # folders under var/. Created here because both processes read these settings first.
    broker_dir = VAR_DIR / "broker"
    for folder in ("queue", "processed", "control"):
        (broker_dir / folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(broker_dir / "queue"),
        "data_folder_out": str(broker_dir / "queue"),
        "processed_folder": str(broker_dir / "processed"),
        "store_processed": False,
        "control_folder": str(broker_dir / "control"),
    }
# The cache holds counters only (the public report form's limit, umebra.throttle), shared by
# every web process: Redis where there is one; under `make run`, one process, so its memory.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "umebra",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="umebra")
CELERY_TASK_IGNORE_RESULT = True
# A message is acknowledged only after its task ran, so a worker that dies mid-task leaves it
# for another worker; tasks claim their row so that a redelivery cannot do the work twice.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "memberships-sync-groups": {
        "task": "umebra.tasks.memberships_sync_groups",
        "schedule": crontab(minute=5, hour=0),
    },
    "submissions-forget": {
        "task": "umebra.tasks.submissions_forget",
        "schedule": crontab(minute=40, hour=3),
    },
    "cases-consents-expire": {
        "task": "cases.tasks.consents_expire",
        "schedule": crontab(minute=10, hour=0),
    },
    # Case owners: a consent ending within 14 days, an action due tomorrow or overdue.
    "cases-reminders-mail": {
        "task": "cases.tasks.case_reminders_mail",
        "schedule": crontab(minute=0, hour=6),
    },
    # The responsible people of activities and decisions due tomorrow or overdue.
    "collaboration-due-mail": {
        "task": "collaboration.tasks.activities_and_decisions_due_mail",
        "schedule": crontab(minute=5, hour=6),
    },
    # The coordinators' weekly digest, Monday morning.
    "collaboration-digest-mail": {
        "task": "collaboration.tasks.coordinators_digest_mail",
        "schedule": crontab(minute=15, hour=6, day_of_week="mon"),
    },
    "cases-purge": {
        "task": "cases.tasks.cases_purge",
        "schedule": crontab(minute=20, hour=1),
    },
    # The quarterly follow-up is built on the first night after each quarter ends.
    "reports-quarterly": {
        "task": "reports.tasks.reports_quarterly",
        "schedule": crontab(minute=30, hour=1, day_of_month=1, month_of_year="1,4,7,10"),
    },
    # Reports whose message was lost (broker down when asked, worker killed) are sent again.
    "reports-resend-stalled": {
        "task": "reports.tasks.reports_resend_stalled",
        "schedule": env.float("UMEBRA_REPORT_RESEND_EVERY_SECONDS", default=60.0),
    },
    # The outbox: mail that could not go yet (the mail server was down) goes once it is back.
    "mail-send": {
        "task": "umebra.tasks.mail_send_task",
        "schedule": env.float("UMEBRA_MAIL_SEND_EVERY_SECONDS", default=60.0),
    },
    "accessibility-reports-purge": {
        "task": "umebra.accessibility.tasks.accessibility_reports_purge",
        "schedule": crontab(minute=25, hour=1),
    },
    "audit-draw-monthly-sample": {
        "task": "umebra.audit.tasks.sample_draw_last_month",
        "schedule": crontab(minute=15, hour=0, day_of_month=1),
    },
}
# The auditor's review: a monthly random sample of this many access events, drawn on the 1st.
UMEBRA_AUDIT_SAMPLE_SIZE = env.int("UMEBRA_AUDIT_SAMPLE_SIZE", default=25)
# Unusual reading: an alert when one user opens this many personal-data objects in the window.
UMEBRA_ALERT_READS = env.int("UMEBRA_ALERT_READS", default=30)
UMEBRA_ALERT_WINDOW = timedelta(minutes=env.int("UMEBRA_ALERT_WINDOW_MINUTES", default=10))
# Retention (gallring): personal data of a closed SIG case is purged this many years after
# its last entry (social services practice is five).
UMEBRA_RETENTION_YEARS = env.int("UMEBRA_RETENTION_YEARS", default=5)
# Readers' accessibility reports (they may hold an e-mail address and a name in the text)
# are stripped of them this many months after they came: two yearly reviews of the
# statement, and time for a reader who was not content to turn to Digg (docs/rules.md, 10).
UMEBRA_ACCESSIBILITY_REPORT_RETENTION_MONTHS = env.int(
    "UMEBRA_ACCESSIBILITY_REPORT_RETENTION_MONTHS", default=24
)
# The public report form takes this many reports an hour from one client (its address with
# its browser, as the lock-out counts them), so that no one can flood the list or the mail.
UMEBRA_ACCESSIBILITY_REPORT_LIMIT = env.int("UMEBRA_ACCESSIBILITY_REPORT_LIMIT", default=5)
# Break-glass: how many hours an emergency access to a SIG case lasts.
UMEBRA_BREAK_GLASS_HOURS = env.int("UMEBRA_BREAK_GLASS_HOURS", default=4)
# Reports for politicians: a count below this is shown as "<5" (small-cell suppression).
UMEBRA_REPORT_MIN_COUNT = env.int("UMEBRA_REPORT_MIN_COUNT", default=5)
# The licence the open data of the public citizen promises is given under: public domain
# (CC0) unless the municipality chooses another, named on the data page and in the JSON.
UMEBRA_OPEN_DATA_LICENCE = {
    "name": env.str("UMEBRA_OPEN_DATA_LICENCE", default="CC0 1.0 Universal"),
    "url": env.str(
        "UMEBRA_OPEN_DATA_LICENCE_URL",
        default="https://creativecommons.org/publicdomain/zero/1.0/",
    ),
}
# A running report whose worker has shown no sign of life within this time is given to another.
UMEBRA_REPORT_LEASE = timedelta(seconds=env.int("UMEBRA_REPORT_LEASE_SECONDS", default=600))
# A queued report still waiting after this long is sent to the workers again.
UMEBRA_REPORT_RESEND_AFTER = timedelta(
    seconds=env.int("UMEBRA_REPORT_RESEND_AFTER_SECONDS", default=60)
)
# A request body above this is refused before it is read: just above the largest upload any
# form takes (a report to verify, 50 MB).
UMEBRA_MAX_REQUEST_MB = env.int("UMEBRA_MAX_REQUEST_MB", default=51)
# How long the admin's "is a worker alive" check waits before it calls the worker missing.
UMEBRA_WORKER_PING_TIMEOUT = timedelta(seconds=env.int("UMEBRA_WORKER_PING_TIMEOUT", default=60))

# --- E-mail ------------------------------------------------------------------------------------
# Notifications go out through the outbox (umebra.mail): rows sent by a worker, so a mail
# server that is down delays them and loses none. EMAIL_URL names the server, e.g.
# smtp+tls://user:password@smtp.example.se:587; unset or empty, mail is printed on the
# worker's console.
vars().update(env.email_url_config(env.str("EMAIL_URL", default="") or "consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Umebrå <noreply@umebra.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A mail server that does not answer within this many seconds counts as down for the batch.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# The site's own address, for the links in e-mail (a worker has no request to build them from).
UMEBRA_BASE_URL = env.str("UMEBRA_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")

# --- Logging -----------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # django-axes announces its configuration at every start; failures still show.
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # pysaml2 and its schema reader log every message they read, names included.
        "saml2": {"level": "WARNING"},
        "djangosaml2": {"level": "WARNING"},
        "xmlschema": {"level": "WARNING"},
    },
}

# --- Content-Security-Policy (django-csp), in every mode ----------------------------------------
# No inline script or style anywhere: everything comes from our own static files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# --- Production hardening (DJANGO_DEBUG=0) --------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    # Behind a TLS-terminating proxy, set DJANGO_SECURE_PROXY_SSL_HEADER=1 so Django trusts
    # its X-Forwarded-Proto header.
    if env.bool("DJANGO_SECURE_PROXY_SSL_HEADER", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    # The health check is asked over plain HTTP by the container runtime.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

# --- Demo data ---------------------------------------------------------------------------------
# `manage.py seed_demo` refuses to run unless this is on; production (DJANGO_DEBUG=0) has it off.
UMEBRA_DEMO = env.bool("UMEBRA_DEMO", default=DEBUG)
