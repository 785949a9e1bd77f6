"""``{{ user|person }}``: a person as pages name them, their full name or else their user
name, and "–" for nobody (a membership the installation itself gave has no giver)."""

from django import template

register = template.Library()


@register.filter
def person(user) -> str:
    if user is None:
        return "–"
    return user.display_name
