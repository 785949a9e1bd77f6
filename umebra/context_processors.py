"""Template context every page needs: whom the user acts for, for the header."""

from django.http import HttpRequest

from umebra.selectors import membership_for_request


def membership(request: HttpRequest) -> dict:
    return {"membership": lambda: membership_for_request(request)}
