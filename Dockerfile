# The production image: one image for web (gunicorn), worker and beat (docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_DEBUG=0 \
    STATIC_ROOT=/app/staticfiles \
    UMEBRA_VAR_DIR=/app/var

# WeasyPrint's Pango and fonts, gettext to compile the translations, xmlsec1 for SAML.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext xmlsec1 curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY umebra umebra
COPY collaboration collaboration
COPY cases cases
COPY reports reports
COPY templates templates
COPY static static
COPY locale locale
COPY manage.py ./
RUN pip install --no-cache-dir . \
    && python manage.py compilemessages -v 0 \
    && DJANGO_SECRET_KEY=build-only python manage.py collectstatic --no-input -v 0 \
    && useradd --system --home-dir /app umebra \
    && mkdir -p /app/var /app/media && chown umebra /app/var /app/media

USER umebra
EXPOSE 8000
CMD ["gunicorn", "umebra.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
