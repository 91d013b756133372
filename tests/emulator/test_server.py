from __future__ import annotations

import socket
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from flipkart_ext.testing import Emulator


def raw_exchange(port: int, payload: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(payload)
        chunks: list[bytes] = []
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


def test_start_and_stop_leave_no_thread_or_socket_behind() -> None:
    before = set(threading.enumerate())
    emu = Emulator().start()
    port = emu.port
    # An idle keep-alive connection must not keep stop() waiting.
    client = httpx.Client(base_url=emu.url)
    assert client.get("/_emulator/state").status_code == 200
    assert set(threading.enumerate()) - before, "the server runs no thread?"
    emu.stop()
    client.close()
    assert set(threading.enumerate()) == before
    assert not emu.running
    with pytest.raises(RuntimeError):
        _ = emu.url
    # Nothing listens on the port any more (SO_REUSEADDR tolerates TIME_WAIT, not a listener).
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", port))
        probe.listen()
    emu.stop()  # a second stop is harmless


def test_restart_serves_again() -> None:
    emu = Emulator()
    with emu:
        first = emu.port
    with emu, httpx.Client() as client:
        assert client.get(f"{emu.url}/_emulator/state").status_code == 200
    assert isinstance(first, int)


def test_starting_twice_is_an_error() -> None:
    with Emulator() as emu, pytest.raises(RuntimeError):
        emu.start()


def test_binds_loopback_on_a_port_the_system_picks() -> None:
    with Emulator() as one, Emulator() as two:
        assert one.url.startswith("http://127.0.0.1:")
        assert one.port != two.port
        assert one.api_base_url == one.url + "/sellers"
        assert one.oauth_base_url == one.url + "/oauth-service"


def test_keep_alive_serves_two_requests_on_one_connection(emu: Emulator) -> None:
    request = b"GET /_emulator/state HTTP/1.1\r\nHost: x\r\n\r\n"
    last = b"GET /_emulator/state HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    answer = raw_exchange(emu.port, request + last)
    assert answer.count(b"HTTP/1.1 200 OK") == 2


def test_chunked_request_bodies_are_read(emu: Emulator, token: str) -> None:
    body = b'{"filter": {"type": "preDispatch"}}'
    payload = (
        b"POST /sellers/v3/shipments/filter HTTP/1.1\r\nHost: x\r\n"
        + f"Authorization: Bearer {token}\r\n".encode()
        + b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        + f"{len(body[:10]):x}\r\n".encode()
        + body[:10]
        + b"\r\n"
        + f"{len(body[10:]):x}\r\n".encode()
        + body[10:]
        + b"\r\n0\r\n\r\n"
    )
    answer = raw_exchange(emu.port, payload)
    assert answer.startswith(b"HTTP/1.1 200 OK")
    assert b'"hasMore":false' in answer


def test_unknown_routes_are_404_in_flipkarts_shape(emu: Emulator, api: httpx.Client) -> None:
    inside = api.get("/v9/nothing")
    assert inside.status_code == 404
    assert inside.json()["error"] == "not_found"
    assert "error_description" in inside.json()
    with httpx.Client() as client:
        outside = client.get(f"{emu.url}/elsewhere")
    assert outside.status_code == 404
    assert outside.json()["error"] == "not_found"


def test_wrong_method_is_405(api: httpx.Client) -> None:
    answer = api.delete("/v3/shipments/filter")
    assert answer.status_code == 405
    assert answer.json()["error"] == "method_not_allowed"


def test_trailing_slash_is_accepted(emu: Emulator, api: httpx.Client) -> None:
    emu.create_test_orders(count=1)
    response = api.post("/v3/shipments/filter/", json={"filter": {"type": "preDispatch"}})
    assert response.status_code == 200
    assert len(response.json()["shipments"]) == 1


def test_concurrent_clients_see_consistent_state(emu: Emulator, token: str) -> None:
    ids = emu.create_test_orders(count=40)

    def pack(shipment_id: str) -> str:
        with httpx.Client(base_url=emu.api_base_url) as client:
            response = client.post(
                "/v3/shipments/labels",
                json={"shipments": [{"shipmentId": shipment_id}]},
                headers={"Authorization": f"Bearer {token}"},
            )
            status: str = response.json()["shipments"][0]["status"]
            return status

    with ThreadPoolExecutor(max_workers=8) as pool:
        # Every shipment twice: both answers succeed (re-pack is legal), state ends PACKED.
        statuses = list(pool.map(pack, ids + ids))
    assert statuses == ["SUCCESS"] * 80
    assert emu.state()["shipmentsByState"] == {"PACKED": 40}
    assert len(emu.requests) == 80
