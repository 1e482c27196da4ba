"""A feed of three items, two about the bridge and one not, and their pages: all written for the tests."""

from tests.local_site import Answer, LocalSite

ITEMS = {
    "/region/bridge-toll": (
        "Bridge council approves the toll plan",
        "2026-01-13",
        "The bridge council approved the toll plan on 12 January 2026, "
        "and the first tolls will be charged from 1 March 2026.",
    ),
    "/region/ferry-strike": (
        "Ferry crews end their strike",
        "2026-01-14",
        "Ferry crews went back to work on 13 January 2026 after a strike that began on 5 January 2026.",
    ),
    "/region/fair": (
        "Autumn fair breaks its attendance record",
        "2026-01-15",
        "The autumn fair, held from 3 to 5 October 2025, drew more visitors than any year before.",
    ),
}


def serve_feed(site: LocalSite, path: str = "/region.xml", etag: str | None = '"feed-1"') -> str:
    for item_path, (title, date, body) in ITEMS.items():
        site.page(item_path, "item.html", path=item_path, title=title, date=date, body=body)
    url = site.page(path, "feed.xml")
    if etag:
        site.routes[path].headers["ETag"] = etag
    return url


__all__ = ["Answer", "ITEMS", "serve_feed"]
