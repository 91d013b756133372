"""The refusals of a blank application secret or id, word for word (issue 20's trust gap)."""

from __future__ import annotations

import pytest

from flipkart_ext import InvalidArgument
from flipkart_ext.notifications import verify_signature

HEADERS = {"X_Date": "Mon, 01 Jan 2024 00:00:00 GMT", "X_Authorization": "FKLOGIN app:sig"}


def test_a_blank_secret_is_refused_saying_why() -> None:
    with pytest.raises(InvalidArgument) as caught:
        verify_signature(
            HEADERS, url="https://x.test/h", method="POST", app_id="app", app_secret=" "
        )
    assert str(caught.value) == (
        "app_secret: the application secret is empty or blank; a notification cannot be "
        "verified without it (is its environment variable set?)"
    )


def test_a_blank_application_id_is_refused_saying_why() -> None:
    with pytest.raises(InvalidArgument) as caught:
        verify_signature(HEADERS, url="https://x.test/h", method="POST", app_id="", app_secret="s")
    assert str(caught.value) == "app_id: the application id is empty or blank"
