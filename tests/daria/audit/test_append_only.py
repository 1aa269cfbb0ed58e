"""The audit log is append-only: not the model, its queryset, the database or the admin will
change or delete an event."""

import pytest
from django.contrib.admin.sites import site
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory

from daria.audit.models import Action, AppendOnlyError, AuditEvent
from daria.audit.services import record

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(alice: object) -> AuditEvent:
    return record(alice, Action.PASSWORD_CHANGE)


def test_saving_an_existing_event_is_refused(event: AuditEvent) -> None:
    event.action = Action.TOKEN_CREATE
    with pytest.raises(AppendOnlyError):
        event.save()


@pytest.mark.parametrize("change", [
    lambda e: e.delete(),
    lambda e: AuditEvent.objects.filter(pk=e.pk).update(actor_username="mallory"),
    lambda e: AuditEvent.objects.filter(pk=e.pk).delete(),
])
def test_the_orm_refuses_to_change_or_delete_events(event: AuditEvent, change: object) -> None:
    with pytest.raises(AppendOnlyError):
        change(event)
    assert AuditEvent.objects.get(pk=event.pk).actor_username == "alice"


@pytest.mark.parametrize("sql", [
    "UPDATE audit_auditevent SET actor_username = 'mallory'",
    "DELETE FROM audit_auditevent",
])
def test_the_database_refuses_raw_updates_and_deletes(event: AuditEvent, sql: str) -> None:
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert AuditEvent.objects.get(pk=event.pk).actor_username == "alice"


def test_deleting_the_actor_keeps_their_history(alice: object, event: AuditEvent) -> None:
    alice.delete()
    kept = AuditEvent.objects.get(pk=event.pk)
    assert kept.actor_username == "alice"


def test_the_admin_shows_events_but_cannot_add_change_or_delete(event: AuditEvent,
                                                                 admin_user: object) -> None:
    request = RequestFactory().get("/admin/audit/auditevent/")
    request.user = admin_user
    model_admin = site._registry[AuditEvent]
    assert model_admin.has_view_permission(request, event)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, event)
    assert not model_admin.has_delete_permission(request, event)
