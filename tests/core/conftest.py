from __future__ import annotations

import pytest

from tests.core._fakes import FakeFlipkart, SleepRecorder


@pytest.fixture
def fake() -> FakeFlipkart:
    return FakeFlipkart()


@pytest.fixture
def sleeper() -> SleepRecorder:
    return SleepRecorder()
