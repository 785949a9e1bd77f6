"""People searched for in the access log, kept in the session under random keys: the
results' URLs (paged, exported) carry a key, never a name or a personal number, which
server logs and the browser's history would keep."""

import secrets

SESSION_KEY = "audit_searches"
# How many searches a session keeps, so that their pages can be turned.
KEPT = 20


def search_keep(session, text: str) -> str:
    """Keep ``text`` and return its key; the oldest kept search is dropped beyond KEPT."""
    key = secrets.token_urlsafe(12)
    kept = list(session.get(SESSION_KEY, {}).items())[-(KEPT - 1) :]
    session[SESSION_KEY] = dict(kept) | {key: text}
    return key


def search_recall(session, key: str) -> str:
    """The text kept under ``key`` in this session, or "" (another session's key, or one
    dropped)."""
    return session.get(SESSION_KEY, {}).get(key, "")
