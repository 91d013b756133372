"""``python -m flipkart_ext.cli``: the ``flipkart`` command without the console script."""

from __future__ import annotations

from . import main

if __name__ == "__main__":
    raise SystemExit(main())
