"""Flipkart's worked signature example, copied from its notification documentation."""

import datetime as dt

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
