"""A bound on how often one client may do something that needs no login (a public form sent).

The client is what django-axes counts failed logins by: the address (read through the
proxies ``UMEBRA_PROXY_COUNT`` names, by axes' own helper) with its browser's user agent, so
that one office behind one address is not one client. The user agent is the sender's to
write, though: a script that changes it on every request is a new client each time, so a
caller also bounds the address alone (``key=address_key``), more loosely. The count is kept
in the cache (Redis in production, so every web process shares it), in windows of the clock:
at most ``limit`` in each window of ``period``. The key is a keyed hash (HMAC with the secret
key): the cache never holds an address, nor one that a list of every IPv4 address hashed
would give back.
"""

import datetime
import logging
import time
from collections.abc import Callable

from axes.helpers import get_client_ip_address, get_client_user_agent
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

logger = logging.getLogger(__name__)


def _hashed(value: str) -> str:
    return salted_hmac("umebra.throttle", value, algorithm="sha256").hexdigest()


def client_key(request: HttpRequest) -> str:
    """The client as a hash of its address and user agent."""
    return _hashed(f"{get_client_ip_address(request)}\n{get_client_user_agent(request)}")


def address_key(request: HttpRequest) -> str:
    """The address alone, whatever browser it says it is, as a hash."""
    return _hashed(f"address\n{get_client_ip_address(request)}")


def throttle_spend(
    request: HttpRequest,
    *,
    scope: str,
    limit: int,
    period: datetime.timedelta,
    key: Callable[[HttpRequest], str] = client_key,
) -> bool:
    """Count one more of ``scope`` for the request's client (as ``key`` names it); whether it
    is within ``limit`` for the current window. A cache that is down lets it through: a
    reader's report matters more than the bound."""
    seconds = int(period.total_seconds())
    window = int(time.time()) // seconds
    cache_key = f"throttle:{scope}:{window}:{key(request)}"
    try:
        cache.add(cache_key, 0, timeout=seconds)
        count = cache.incr(cache_key)
    except Exception:  # the cache's own errors differ by backend (redis, memory)
        logger.exception("The throttle's cache is unreachable; %s is let through", scope)
        return True
    return count <= limit
