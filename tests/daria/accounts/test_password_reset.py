"""Resetting a forgotten password by email, with Django's own confirm page."""

import re

import pytest
from django.core import mail
from django.test import Client
from rest_framework.test import APIClient

from daria.accounts.models import ApiToken
from daria.accounts.tokens import create_token
from daria.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice_with_email(alice: object) -> object:
    alice.email = "alice@example.org"
    alice.save()
    return alice


def _ask_for_reset(email: str) -> object:
    return APIClient().post("/api/v1/auth/password-reset/", {"email": email}, format="json")


def _link_in(message: mail.EmailMessage) -> str:
    match = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_a_reset_link_is_mailed_to_the_accounts_address(alice_with_email: object) -> None:
    response = _ask_for_reset("alice@example.org")
    assert response.status_code == 204
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["alice@example.org"]
    assert "/accounts/reset/" in mail.outbox[0].body


def test_an_unknown_address_gets_the_same_answer_and_no_mail(alice_with_email: object) -> None:
    response = _ask_for_reset("mallory@example.org")
    assert response.status_code == 204
    assert mail.outbox == []


def test_the_link_sets_a_new_password_and_revokes_api_tokens(alice_with_email: object) -> None:
    create_token(alice_with_email, name="laptop")
    _ask_for_reset("alice@example.org")
    browser = Client()

    form_page = browser.get(_link_in(mail.outbox[0]), follow=True)
    assert form_page.status_code == 200
    response = browser.post(form_page.redirect_chain[-1][0], {
        "new_password1": "quiet-harbour-lantern-7", "new_password2": "quiet-harbour-lantern-7"
    })

    assert response.status_code == 302 and response["Location"] == "/accounts/reset/done/"
    alice_with_email.refresh_from_db()
    assert alice_with_email.check_password("quiet-harbour-lantern-7")
    assert not ApiToken.objects.filter(user=alice_with_email).exists()
    assert AuditEvent.objects.filter(actor=alice_with_email,
                                     action=Action.PASSWORD_RESET).exists()


def test_a_tampered_link_is_refused(alice_with_email: object) -> None:
    _ask_for_reset("alice@example.org")
    link = _link_in(mail.outbox[0])
    page = Client().get(link[:-3] + "zz/", follow=True)
    assert b"invalid" in page.content.lower()
    alice_with_email.refresh_from_db()
    assert alice_with_email.check_password("alice-pass-1234")


def test_a_reset_request_from_a_browser_needs_the_csrf_token(alice_with_email: object) -> None:
    browser = APIClient(enforce_csrf_checks=True)
    response = browser.post("/api/v1/auth/password-reset/", {"email": "alice@example.org"},
                            format="json")
    assert response.status_code == 403
    assert mail.outbox == []
