"""The pytest plugin, used as a seller would: a scratch project outside this repository, with
no conftest and no configuration, run in its own pytest process (``pytester``)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.slow  # each case starts a pytest process (about a second)

_USER_TESTS = """
import asyncio

import pytest

from flipkart_ext import FlipkartClient, ServerError, ShipmentFilter
from flipkart_ext.notifications import ShipmentCreated

APPROVED = ShipmentFilter.pre_dispatch(states=["APPROVED"])


def count_to_pack(client):  # the "code under test": the seller's own job
    return sum(1 for _ in client.shipments.search(APPROVED))


def test_client_sees_what_the_test_seeded(flipkart_emulator, flipkart_client):
    flipkart_emulator.create_test_orders(count=3)
    assert count_to_pack(flipkart_client) == 3


def test_each_test_gets_a_fresh_emulator(flipkart_client):
    assert count_to_pack(flipkart_client) == 0


@pytest.mark.flipkart(orders=4, listings=["MY-SKU"], returns=1)
@pytest.mark.flipkart(orders={"count": 2, "state": "PACKED", "sku": "MY-SKU"})
def test_marker_seeds_orders_listings_and_returns(flipkart_emulator, flipkart_client):
    state = flipkart_emulator.state()
    assert state["shipmentsByState"] == {"APPROVED": 4, "PACKED": 2, "RETURN_REQUESTED": 1}
    assert "MY-SKU" in state["listings"]
    assert state["returns"] == 1
    assert count_to_pack(flipkart_client) == 4


@pytest.mark.flipkart(orders=2)
def test_code_reading_the_environment_reaches_the_emulator(flipkart_env):
    with FlipkartClient.from_env() as client:
        assert count_to_pack(client) == 2
    assert flipkart_env["FLIPKART_CLIENT_ID"]


@pytest.mark.flipkart(orders=1)
def test_faults_are_retried_without_waiting(flipkart_faults, flipkart_client, flipkart_emulator):
    flipkart_faults.server_error(status=503, count=2)
    assert count_to_pack(flipkart_client) == 1
    flipkart_faults.server_error(status=500, count=10)
    with pytest.raises(ServerError):
        count_to_pack(flipkart_client)


def test_webhooks_are_captured_verified_and_decoded(flipkart_emulator, flipkart_webhooks):
    ids = flipkart_emulator.create_test_orders(count=2)
    events = flipkart_webhooks.events
    assert [type(event) for event in events] == [ShipmentCreated, ShipmentCreated]
    assert sorted(event.shipment_id for event in events) == sorted(ids)
    assert all(d.refused is None for d in flipkart_webhooks.received)


@pytest.mark.flipkart(orders=3)
def test_async_client_under_asyncio_run(flipkart_async_client):
    async def main():
        async with flipkart_async_client as client:
            return [s async for s in client.shipments.search(APPROVED)]

    assert len(asyncio.run(main())) == 3


@pytest.mark.flipkart(orders=2)
@pytest.mark.asyncio
async def test_async_client_under_pytest_asyncio(flipkart_async_client):
    found = [s async for s in flipkart_async_client.shipments.search(APPROVED)]
    assert len(found) == 2  # left open on purpose: the fixture leaves nothing behind


@pytest.fixture
def flipkart_emulator_options():
    return {"seed": 7, "client_id": "my-app"}


def test_options_reach_the_emulator(flipkart_emulator, flipkart_client):
    assert flipkart_emulator.client_id == "my-app"
    assert flipkart_client.token_status().environment.startswith("custom:")
"""


def test_a_scratch_project_uses_every_fixture_with_no_configuration(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(test_my_code=_USER_TESTS)
    result = pytester.runpytest_subprocess(
        "-p",
        "no:cacheprovider",
        "-W",
        "error",  # an unclosed socket or transport left by a fixture would fail the run
        "-o",
        "asyncio_default_fixture_loop_scope=function",  # pytest-asyncio's own warning otherwise
    )
    result.assert_outcomes(passed=9)


def test_user_mistakes_fail_and_say_what_went_wrong(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import pytest
        from flipkart_ext import ShipmentFilter

        @pytest.mark.flipkart(orders=2)
        def test_off_by_one(flipkart_client):
            found = list(flipkart_client.shipments.search(ShipmentFilter.pre_dispatch()))
            assert len(found) == 3

        @pytest.mark.flipkart(order=2)
        def test_typo(flipkart_emulator):
            pass

        @pytest.mark.flipkart(orders={"count": 1, "state": "NOT-A-STATE"})
        def test_bad_state(flipkart_emulator):
            pass
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--strict-markers")
    result.assert_outcomes(failed=1, errors=2)
    result.stdout.fnmatch_lines(["*assert 2 == 3*"])
    result.stdout.fnmatch_lines(
        ["*@pytest.mark.flipkart: unknown order; expected listings, orders, returns"]
    )
    result.stdout.fnmatch_lines(
        ["*@pytest.mark.flipkart(orders={'count': 1, 'state': 'NOT-A-STATE'}): state must be*"]
    )


def test_without_the_extra_a_fixture_fails_in_one_line_and_pytest_still_runs(
    pytester: pytest.Pytester,
) -> None:
    pytester.makeconftest("import sys\nsys.modules['jsonschema'] = None  # not installed\n")
    pytester.makepyfile(
        """
        def test_needs_the_emulator(flipkart_emulator):
            pass

        def test_plain():
            assert True
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, errors=1)
    assert (
        "the Flipkart emulator needs the 'testing' extra (jsonschema is not installed): "
        "pip install 'flipkart-seller[testing]'"
    ) in result.stdout.lines
    result.stdout.no_fnmatch_line("*Traceback*")
    result.stdout.no_fnmatch_line("*During handling*")


def test_loading_the_plugin_imports_no_emulator_and_no_extra() -> None:
    code = textwrap.dedent(
        """
        import sys
        import flipkart_ext.testing.pytest_plugin
        heavy = [m for m in ("flipkart_ext.testing._emulator", "jsonschema") if m in sys.modules]
        print(heavy)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout == "[]\n"


def test_the_plugin_is_registered_through_the_pytest11_entry_point() -> None:
    from importlib.metadata import entry_points

    found = {ep.name: ep.value for ep in entry_points(group="pytest11")}
    assert found.get("flipkart") == "flipkart_ext.testing.pytest_plugin"
