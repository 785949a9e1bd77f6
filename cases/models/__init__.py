"""Operational and personal data under secrecy: SIG cases and LOS operations (DESIGN.md §3)."""

from cases.models.sig import (
    CASE_TRANSITIONS,
    CaseAction,
    CaseNote,
    CaseStatus,
    Consent,
    ConsentSignature,
    Guardian,
    NoteVisibility,
    Person,
    SigCase,
    SigCaseUserObjectPermission,
    SignerKind,
)

__all__ = [
    "CASE_TRANSITIONS",
    "CaseAction",
    "CaseNote",
    "CaseStatus",
    "Consent",
    "ConsentSignature",
    "Guardian",
    "NoteVisibility",
    "Person",
    "SigCase",
    "SigCaseUserObjectPermission",
    "SignerKind",
]
