"""Template context every page needs: whom the user acts for, and the menu."""

from django.http import HttpRequest

from umebra import access, navigation
from umebra.selectors import membership_for_request


def membership(request: HttpRequest) -> dict:
    return {
        "membership": lambda: membership_for_request(request),
        "navigation": lambda: navigation.entries_for(request),
        # Lists name each row's municipality for someone who works in several (the police).
        "across_municipalities": lambda: access.actor_for(request.user).works_in_several,
    }
