"""``flipkart emulator trigger`` and ``sample_event``: one signed notification of any
documented event, built by the emulator's own builders."""

from __future__ import annotations

import inspect
import json

import pytest

from flipkart_ext import notifications
from flipkart_ext.notifications import (
    GenericEvent,
    NotificationEvent,
    parse_event,
    verify_signature,
)
from flipkart_ext.testing import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, EVENT_TYPES, sample_event

from ..cli.conftest import flipkart, script_environ
from ._day import recorder

DOCUMENTED = sorted(
    cls.EVENT_TYPE
    for _, cls in inspect.getmembers(notifications, inspect.isclass)
    if issubclass(cls, NotificationEvent) and cls is not GenericEvent and cls.EVENT_TYPE
)


def test_every_documented_event_can_be_triggered() -> None:
    # A new event class in flipkart_ext.notifications needs a builder here.
    assert sorted(EVENT_TYPES) == DOCUMENTED


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_each_sample_decodes_as_its_own_event(event_type: str) -> None:
    body = sample_event(event_type)

    event = parse_event(json.dumps(body))

    assert event.event_type == event_type == body["eventType"]
    assert event_type == type(event).EVENT_TYPE
    assert event.timestamp is not None
    assert event.shipment_id if event_type.startswith("shipment_") else event.return_id  # type: ignore[attr-defined]


def test_an_alias_gives_the_documented_name_and_the_seed_fixes_the_ids() -> None:
    first, again = sample_event("packed", seed=3), sample_event("shipment_packed", seed=3)

    assert first["eventType"] == "shipment_packed"
    assert first["shipmentId"] == again["shipmentId"]
    assert sample_event("packed", seed=4)["shipmentId"] != first["shipmentId"]
    with pytest.raises(ValueError, match="unknown event type 'shipment_teleported'"):
        sample_event("shipment_teleported")


def test_trigger_sends_one_signed_notification() -> None:
    with recorder() as receiver:
        run = flipkart(
            "emulator", "trigger", "return_picked_up", "--to", receiver.url, env=script_environ()
        )

    assert run.returncode == 0, run.stderr
    (request,) = receiver.requests
    verify_signature(
        request.headers,
        url=receiver.url,
        method="POST",
        app_id=DEFAULT_CLIENT_ID,
        app_secret=DEFAULT_CLIENT_SECRET,
    )
    assert parse_event(request.body).event_type == "return_picked_up"
    assert json.loads(run.stdout) == json.loads(request.body)
    assert run.stderr == (
        f"Sent return_picked_up to {receiver.url}, signed for application {DEFAULT_CLIENT_ID} "
        "(the emulator's test credentials): HTTP 200\n"
    )


def test_trigger_signs_with_the_applications_credentials_when_set() -> None:
    environ = script_environ(FLIPKART_CLIENT_ID="my-app", FLIPKART_CLIENT_SECRET="my-secret")
    with recorder(policy=lambda request: 401) as receiver:
        run = flipkart("emulator", "trigger", "shipment_created", "--to", receiver.url, env=environ)

    (request,) = receiver.requests
    verify_signature(
        request.headers, url=receiver.url, method="POST", app_id="my-app", app_secret="my-secret"
    )
    assert run.returncode == 1  # the receiver refused it
    assert "HTTP 401" in run.stderr and "my-secret" not in run.stdout + run.stderr


def test_trigger_refuses_an_undocumented_event() -> None:
    run = flipkart(
        "emulator", "trigger", "shipment_teleported", "--to", "http://x", env=script_environ()
    )

    assert run.returncode == 2
    assert "'shipment_teleported' is not one of" in run.stderr
