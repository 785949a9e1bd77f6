"""Reads of collaboration data, always through the access layer."""
