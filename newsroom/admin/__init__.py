"""
The newsroom side of summit: editors add articles, review the dated events
read out of them, and publish. Every change is kept (simple-history) and no
save overwrites someone else's (Event.version).

Importing the package registers every model admin:
- names.py: actors, places, topics, story arcs;
- sources.py: sources (with the upload) and the extractor's proposals;
- events.py: events, citations, relations, deleted events;
- review.py: the review page of a source's proposals;
- feeds.py: feeds followed, with their health; jobs.py: the jobs desk;
- forms.py: the forms behind those pages;
- history.py: what every admin with history shares: who may write, the
  stale-edit message, the list of deleted events;
- safe.py: hostile ids and searches as form errors or a 400, never a 500;
- users.py: Django's user and group admins with the same guard.
"""

from django.contrib import admin

from . import events, feeds, jobs, names, sources, users

# The editors' pages say whose they are, in every language, not "Django administration".
admin.site.site_header = admin.site.site_title = "summit"

__all__ = ["events", "feeds", "jobs", "names", "sources", "users"]
