import doctest
import inspect

import flipkart_ext.notifications as notifications
from flipkart_ext.notifications import _events, _idempotency, _parts, _signature


def test_receiver_example_in_package_docstring_runs():
    results = doctest.testmod(notifications, raise_on_error=False, report=True)
    assert results.attempted >= 5
    assert results.failed == 0


def test_all_lists_every_public_name_once():
    exported = notifications.__all__
    assert len(exported) == len(set(exported))
    for name in exported:
        assert hasattr(notifications, name), name
    for module in (_events, _idempotency, _parts, _signature):
        assert set(module.__all__) <= set(exported), module.__name__
        public = {
            name
            for name, value in vars(module).items()
            if not name.startswith("_")
            and getattr(value, "__module__", module.__name__) == module.__name__
            and (inspect.isclass(value) or inspect.isfunction(value))
        }
        assert public <= set(module.__all__), module.__name__
