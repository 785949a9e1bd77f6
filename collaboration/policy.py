"""Who may see and change collaboration data (registered with ``umebra.access``)."""

from collaboration.models import Area
from umebra import access
from umebra.access import CHANGE, VIEW, RolePolicy
from umebra.roles import Role


@access.register(Area)
class AreaPolicy(RolePolicy):
    """Districts and their populations are public facts."""

    roles = {VIEW: frozenset(Role), CHANGE: frozenset({Role.ADMIN, Role.COORDINATOR})}
    add = frozenset({Role.ADMIN, Role.COORDINATOR})
