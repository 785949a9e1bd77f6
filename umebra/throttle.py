"""A bound on how often one client may do something that needs no login (a public form sent).

The client is what django-axes counts failed logins by: the address (read through the
proxies ``UMEBRA_PROXY_COUNT`` names, by axes' own helper) with its browser's user agent, so
that one office behind one address is not one client. The count is kept in the cache (Redis
in production, so every web process shares it), in windows of the clock: at most ``limit``
in each window of ``period``. The key is a hash: the cache never holds an address.
"""

import datetime
import hashlib
import logging
import time

from axes.helpers import get_client_ip_address, get_client_user_agent
from django.core.cache import cache
from django.http import HttpRequest

logger = logging.getLogger(__name__)


def client_key(request: HttpRequest) -> str:
    """The client as a hash of its address and user agent."""
    client = f"{get_client_ip_address(request)}\n{get_client_user_agent(request)}"
    return hashlib.sha256(client.encode()).hexdigest()


def throttle_spend(
    request: HttpRequest, *, scope: str, limit: int, period: datetime.timedelta
) -> bool:
    """Count one more of ``scope`` for the request's client; whether it is within ``limit``
    for the current window. A cache that is down lets it through: a reader's report matters
    more than the bound."""
    seconds = int(period.total_seconds())
    window = int(time.time()) // seconds
    key = f"throttle:{scope}:{window}:{client_key(request)}"
    try:
        cache.add(key, 0, timeout=seconds)
        count = cache.incr(key)
    except Exception:  # the cache's own errors differ by backend (redis, memory)
        logger.exception("The throttle's cache is unreachable; %s is let through", scope)
        return True
    return count <= limit
