"""The public boundary (issue 19 items 3, 4 and 5): only ``FlipkartError`` leaves a public
entry point, misuse and bad configuration are typed and caught before any request, bulk
results are attributed to the request that carried each item, and duplicates in an input
are refused naming where. Many of these fail until the library is rebuilt around them;
``KeyboardInterrupt`` and cancellation already pass through and are pinned here.
"""
