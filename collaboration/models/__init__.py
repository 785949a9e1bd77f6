"""The shared, mostly non-personal work of the collaboration (DESIGN.md section 3)."""

from collaboration.models.agreements import (
    Activity,
    ActivityStatus,
    AgreementStatus,
    CooperationAgreement,
    FeedbackChannel,
    FollowUp,
    FollowUpStatus,
    ResidentFeedback,
    Target,
    TargetValue,
    Undertaking,
    UndertakingKind,
    UndertakingStatus,
)
from collaboration.models.areas import Area
from collaboration.models.efforts import EffortKind, JointEffort
from collaboration.models.groups import (
    Cadence,
    CollaborationGroup,
    Decision,
    GroupLevel,
    Meeting,
)
from collaboration.models.observations import Observation, ObservationKind

__all__ = [
    "Activity",
    "ActivityStatus",
    "AgreementStatus",
    "Area",
    "Cadence",
    "CollaborationGroup",
    "CooperationAgreement",
    "Decision",
    "EffortKind",
    "FeedbackChannel",
    "FollowUp",
    "FollowUpStatus",
    "GroupLevel",
    "JointEffort",
    "Meeting",
    "Observation",
    "ObservationKind",
    "ResidentFeedback",
    "Target",
    "TargetValue",
    "Undertaking",
    "UndertakingKind",
    "UndertakingStatus",
]
