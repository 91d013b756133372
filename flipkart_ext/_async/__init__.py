"""The hand-written I/O layer, async flavour: the one source ``_sync/`` is generated from.

Nothing here decides anything that is not I/O: plans, page walking, batch bookkeeping and
token decisions live in ``flipkart_ext._core`` and the resource packages. See
``scripts/generate_sync.py`` for how the sync twin is made, and ``flipkart_ext._concurrency``
for what differs between the two.
"""
