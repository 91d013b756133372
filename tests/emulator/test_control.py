from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from flipkart_ext.testing import Emulator

from .conftest import SleepRecorder


@pytest.fixture
def control(emu: Emulator) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=f"{emu.url}/_emulator") as client:
        yield client


def test_faults_through_the_control_endpoint(
    control: httpx.Client, api: httpx.Client, sleeps: SleepRecorder
) -> None:
    response = control.post(
        "/faults",
        json={
            "faults": [
                {"kind": "rate_limit", "count": 1, "retry_after": 3},
                {"kind": "server_error", "status": 502, "count": 2},
                {"kind": "unauthorized"},
            ],
            "latency": 0.5,
        },
    )
    assert response.status_code == 200
    assert [f["kind"] for f in response.json()["queue"]] == [
        "rate_limit",
        "server_error",
        "unauthorized",
    ]
    answers = [api.get("/listings/v3/SKU-0001") for _ in range(5)]
    assert [a.status_code for a in answers] == [429, 502, 502, 401, 200]
    assert answers[0].headers["retry-after"] == "3"
    assert sleeps.calls == [0.5] * 5


def test_wire_faults_and_noise_through_the_control_endpoint(
    control: httpx.Client, api: httpx.Client
) -> None:
    control.post("/faults", json={"faults": [{"kind": "drop_connection"}], "noise": True})
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        api.get("/listings/v3/SKU-0001")
    assert "fieldFromTheFuture" in api.get("/listings/v3/SKU-0001").json()["available"]["SKU-0001"]
    control.post("/faults", json={"clear": True})
    assert "fieldFromTheFuture" not in api.get("/listings/v3/SKU-0001").text


def test_an_invalid_fault_document_changes_nothing(control: httpx.Client) -> None:
    response = control.post(
        "/faults",
        json={"faults": [{"kind": "rate_limit"}, {"kind": "meteor_strike"}], "noise": True},
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"
    state = control.get("/state").json()
    assert state["faults"]["queue"] == []
    assert state["faults"]["noise"] is False
    assert (
        control.post(
            "/faults", json={"faults": [{"kind": "truncate_body", "status": 1}]}
        ).status_code
        == 400
    )
    assert control.post("/faults", json={"unknown": 1}).status_code == 400
    assert control.post("/faults", content=b"[1, 2]").status_code == 400


def test_state_counts_and_holds_no_secrets(
    emu: Emulator, control: httpx.Client, api: httpx.Client, token: str
) -> None:
    emu.create_test_orders(count=3)
    emu.create_test_orders(count=2, state="PACKED")
    api.get("/listings/v3/SKU-0001")
    response = control.get("/state")
    state = response.json()
    assert state["shipments"] == 5
    assert state["orders"] == 5
    assert state["shipmentsByState"] == {"APPROVED": 3, "PACKED": 2}
    assert state["tokens"]["access"] == 1
    assert state["tokenRequests"] == 1
    assert state["apiRequests"] == 1
    assert state["listings"] == emu.listing_ids
    assert token not in response.text
    assert emu.client_secret not in response.text


def test_tokens_expire_and_revoke_through_the_control_endpoint(
    emu: Emulator, control: httpx.Client, token: str
) -> None:
    with httpx.Client(base_url=emu.api_base_url) as client:
        headers = {"Authorization": f"Bearer {token}"}
        assert client.get("/listings/v3/SKU-0001", headers=headers).status_code == 200
        assert control.post("/tokens/expire").json() == {"expired": 1}
        assert client.get("/listings/v3/SKU-0001", headers=headers).status_code == 401
    assert control.post("/tokens/revoke", json={"token": token}).json() == {"revoked": True}
    assert control.post("/tokens/revoke", json={}).status_code == 400


def test_test_orders_and_reset_through_the_control_endpoint(
    emu: Emulator, control: httpx.Client
) -> None:
    created = control.post("/test_orders", json={"count": 4, "state": "PACKED"})
    assert created.status_code == 200
    ids = created.json()["shipmentIds"]
    assert len(ids) == 4
    assert {emu.shipment_state(i) for i in ids} == {"PACKED"}
    assert control.post("/test_orders", json={"count": 1, "colour": "red"}).status_code == 400
    assert control.post("/test_orders", json={"state": "LOST"}).status_code == 400

    reset = control.post("/reset").json()
    assert reset["shipments"] == 0
    assert reset["tokenRequests"] == 0
    # Same seed after a reset: the same ids again.
    again = control.post("/test_orders", json={"count": 4, "state": "PACKED"}).json()
    assert again["shipmentIds"] == ids


def test_control_endpoints_are_never_faulted(emu: Emulator, control: httpx.Client) -> None:
    emu.faults.server_error(count=3, target="all")
    emu.faults.drop_connection(target="all")
    assert control.get("/state").status_code == 200
    assert len(emu.faults.snapshot()["queue"]) == 2


def test_unknown_control_endpoint(control: httpx.Client) -> None:
    response = control.get("/nothing")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_reset_from_python_clears_logs_tokens_and_faults(emu: Emulator, api: httpx.Client) -> None:
    emu.create_test_orders(count=2)
    api.get("/listings/v3/SKU-0001")
    emu.faults.noise()
    emu.reset()
    assert emu.requests == []
    assert emu.token_requests == []
    assert emu.faults.noise_enabled is False
    assert api.get("/listings/v3/SKU-0001").status_code == 401


def test_the_root_lists_every_control_endpoint_and_each_exists(control: httpx.Client) -> None:
    from flipkart_ext.testing._control import ENDPOINTS

    listed = control.get("/").json()["endpoints"]
    assert [(e["method"], e["path"]) for e in listed] == [(m, p) for m, p, _ in ENDPOINTS]
    assert all(entry["description"] for entry in listed)
    for method, path, _ in ENDPOINTS:
        if method == "GET":
            assert control.get(path.removeprefix("/_emulator")).status_code == 200, path
        else:  # an empty body is refused as input, never as an unknown endpoint
            answer = control.post(path.removeprefix("/_emulator"), json={})
            assert answer.status_code != 404, path
    assert control.get("/nothing-here").status_code == 404


def test_the_emulator_guide_lists_the_same_endpoints() -> None:
    from pathlib import Path

    from flipkart_ext.testing._control import ENDPOINTS

    guide = (Path(__file__).resolve().parents[2] / "docs" / "guides" / "emulator.md").read_text()
    for method, path, _ in ENDPOINTS:
        assert f"| {method} | `{path}` |" in guide
