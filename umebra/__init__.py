"""Umebrå: the project package and its cross-cutting core (identity, access, audit, jobs)."""

# Loaded with Django so that tasks bind to this app and `@shared_task` finds it.
from .celery import app as celery_app

__all__ = ("celery_app",)
