"""The shared, mostly non-personal work of the collaboration (DESIGN.md section 3)."""

from collaboration.models.areas import Area
from collaboration.models.efforts import EffortKind, JointEffort
from collaboration.models.observations import Observation, ObservationKind

__all__ = ["Area", "EffortKind", "JointEffort", "Observation", "ObservationKind"]
