from collections import defaultdict

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured

from tests.factories import member
from umebra import roles
from umebra.roles import Role, group_name

pytestmark = pytest.mark.django_db


def test_migrate_creates_one_group_per_role():
    assert set(Group.objects.values_list("name", flat=True)) >= {group_name(r) for r in Role}


# role × model permission × expected: model permissions only; personal data also needs an
# object permission (docs/rules.md).
PERMISSION_TABLE = [
    (Role.ADMIN, "umebra.change_user", True),
    (Role.ADMIN, "umebra.view_membership", True),
    # Memberships are given on the organisation pages, under the four-eyes rule, not in the
    # admin.
    (Role.ADMIN, "umebra.add_membership", False),
    (Role.ADMIN, "umebra.change_membership", False),
    (Role.ADMIN, "axes.delete_accessattempt", True),
    (Role.ADMIN, "umebra.add_workerping", True),
    (Role.ADMIN, "collaboration.change_area", True),
    (Role.COORDINATOR, "collaboration.view_area", False),
    (Role.COORDINATOR, "umebra.change_user", False),
    (Role.COORDINATOR, "umebra.add_workerping", False),
    (Role.AUDITOR, "umebra.change_user", False),
    (Role.POLITICIAN, "collaboration.view_area", False),
    (Role.PARTNER, "umebra.view_organisation", False),
    (Role.POLICE, "umebra.add_membership", False),
]


@pytest.mark.parametrize(("role", "permission", "expected"), PERMISSION_TABLE)
def test_role_model_permissions(role, permission, expected):
    assert member(role).has_perm(permission) is expected


def test_granting_an_unknown_permission_fails_loudly(monkeypatch):
    monkeypatch.setattr(
        roles, "_permissions", defaultdict(set, {Role.AUDITOR: {"umebra.read_minds"}})
    )
    with pytest.raises(ImproperlyConfigured, match="read_minds"):
        roles.sync_groups(app_label="umebra")
