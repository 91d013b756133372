"""Wire chaos (issue 19 item 8): public operations against a socket server whose answers are
drawn from a grammar of faults; each call hands over what was served or raises a
``FlipkartError``, within its documented total timeout, and never hangs.

``_server`` writes the bytes, ``_grammar`` draws the faults, ``_json`` decides what a served
body means (independently of the package), ``_harness`` runs one example and holds the
bounds. Each test runs once per fault dimension (status, headers, body, content coding,
framing, 1xx preamble, timing, all mixed), so that one failure class cannot hide another.
Marker ``chaos``: ``make test`` draws a few derandomized examples per dimension, ``make soak``
the soak profile's count from a random seed.
"""
