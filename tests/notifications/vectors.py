"""Flipkart's worked signature example, copied from its notification documentation."""

import datetime as dt
from typing import Any

from flipkart_ext.notifications import verify_signature

APP_ID = "6113ca4a-fe05-11e4-a322-1697f925ec7b"
APP_SECRET = "669a57f4-fe05-11e4-a322-1697f925ec7b"
URL = "http://seller.api.pilotseller.com/notify/fki"
METHOD = "POST"
TIME_VALUE = "1432026135"
SIGNATURE = "83762abd87b41e66ddd58320a4e803251e72b776"
AUTHORIZATION = (
    "FKLOGIN NjExM2NhNGEtZmUwNS0xMWU0LWEzMjItMTY5N2Y5MjVlYzdiOjgzNzYyYWJkODdiNDFlNjZk"
    "ZGQ1ODMyMGE0ZTgwMzI1MWU3MmI3NzY="
)
# The same instant as TIME_VALUE, written as the HTTP-date X_Date is documented to carry.
HTTP_DATE = "Tue, 19 May 2015 09:02:15 GMT"
SENT_AT = dt.datetime(2015, 5, 19, 9, 2, 15, tzinfo=dt.UTC)

PUBLISHED = {"X_Date": TIME_VALUE, "X_Authorization": AUTHORIZATION}


def verify(
    headers, *, url=URL, method=METHOD, app_id=APP_ID, app_secret=APP_SECRET, **kwargs
) -> Any:
    """verify_signature on the published example's defaults, at the moment it was sent."""
    kwargs.setdefault("now", SENT_AT)
    return verify_signature(
        headers, url=url, method=method, app_id=app_id, app_secret=app_secret, **kwargs
    )
