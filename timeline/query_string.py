"""
A NUL character in a query parameter is refused with a 400 before any view
reads it: PostgreSQL cannot hold NUL in text, so a lookup with one would fail
inside the database, and no real link carries one.
"""

from django.http import HttpResponseBadRequest


class RefuseNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if holds_nul(request.GET):
            response = HttpResponseBadRequest(
                "A query parameter holds a NUL character (%00), which no summit link has.",
                content_type="text/plain; charset=utf-8",
            )
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)


def holds_nul(query) -> bool:
    return any("\x00" in name or any("\x00" in value for value in values) for name, values in query.lists())
