"""
The review desk: a source's proposals, 25 to a page, each accepted as a new
unpublished event, added as a citation to an existing event (one the matcher
suggests, or one found by searching), rejected, or reopened after a reject.
With htmx each action answers with just that proposal; without JavaScript
the same forms post and the page reloads.
"""

import datetime
import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from newsroom.ingest import IngestError, accept_proposal, reject_proposal
from newsroom.matching import matches_for_proposal
from newsroom.passages import AmbiguousPassage, PassageError, cite_passage, read_offset
from timeline.models import Actor, Event, Proposal, Source

from .review_forms import IntoEventForm, ProposalAcceptForm, default_title
from .safe import refuse_nul

TEMPLATE = "admin/timeline/source/review.html"
PROPOSALS_PER_PAGE = 25
# Suggested events per proposal, and results of the event search: enough to
# find the one meant, few enough that the page does not grow with the timeline.
MATCHES_SHOWN = 3
# Cards whose likely events load with the page; the rest load as the editor nears them.
EAGER_MATCHES = 3
SEARCH_RESULTS = 10
MIN_SEARCH_LENGTH = 2
TABS = {
    "pending": gettext_lazy("Pending"),
    "rejected": gettext_lazy("Rejected"),
    "accepted": gettext_lazy("Accepted"),
    "all": gettext_lazy("All"),
}
# A date typed into the event search: a day, a month or a year.
SEARCH_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def review_source(request, source_id, model_admin):
    if not (model_admin.has_change_permission(request) and request.user.has_perm("timeline.add_event")):
        raise PermissionDenied
    source = get_object_or_404(Source, pk=source_id)
    tab = request.GET.get("status") if request.GET.get("status") in TABS else "pending"
    page_number = request.GET.get("page", "1")
    if request.method == "GET" and request.htmx and ("form" in request.GET or "matches" in request.GET):
        return proposal_fragment(request, source)
    bound = None
    cited = None
    if request.method == "POST" and request.POST.get("action") == "cite":
        cited = cite(request, source)
        if request.htmx:
            return TemplateResponse(
                request, f"{TEMPLATE}#cite-result", {"cite": cited, "source": source}, status=cited.status
            )
        if cited.row and not cited.is_error:
            model_admin.message_user(request, cited.message)
            return redirect(f"{request.path}?cited={cited.row['proposal'].pk}#cite-result")
    elif request.method == "POST" and request.POST.get("action") in ("reject_selected", "reject_remaining"):
        model_admin.message_user(request, reject_many(request, source))
        return redirect(request.get_full_path())
    elif request.method == "POST":
        decided = decide_one(request, source, model_admin, tab, page_number)
        if not isinstance(decided, Outcome):
            return decided
        bound = decided
    page, rows = page_rows(request, source, tab, bound)
    if cited is None and request.GET.get("cited", "").isdigit():
        # Without JavaScript, the page after citing a passage shows its proposal first.
        chosen = source.proposals.filter(pk=request.GET["cited"]).first()
        cited = CiteOutcome(row=proposal_row(chosen)) if chosen else None
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Source._meta,
        "title": gettext("Review proposed events: %(source)s") % {"source": source},
        "source": source,
        "rows": rows,
        "page": page,
        "tab": tab,
        "page_number": page.number,
        **review_counts(source),
        "media": ProposalAcceptForm(proposal=Proposal(source=source)).media,
        "cite": cited,
    }
    status = 400 if bound else (cited.status if cited else 200)
    return TemplateResponse(request, TEMPLATE, context, status=status)


def decide_one(request, source, model_admin, tab: str, page_number: str):
    """
    One proposal accepted, attached, edited or rejected: with htmx, the decided card and out of
    band the counters; without, a redirect, or the outcome whose form must show its errors.
    """
    proposal = source_proposal(source, request.POST.get("proposal"))
    outcome = apply_review(request, proposal)
    if request.htmx:
        # Just this proposal, and out of band the counters: the rest of the page stays as it is.
        context = {
            # A card back to pending (undo, reopen) comes with its likely events.
            "row": proposal_row(proposal, outcome=outcome, with_matches=True),
            "source": source,
            "tab": tab,
            "page_number": page_number,
            "oob": True,
            **review_counts(source),
        }
        return TemplateResponse(request, f"{TEMPLATE}#decided", context, status=400 if outcome.bound else 200)
    if not outcome.bound:
        model_admin.message_user(request, outcome.message, outcome.level)
        return redirect(request.get_full_path())
    return outcome


def page_rows(request, source, tab: str, bound) -> tuple:
    """The page of the tab's proposals, each with its card (and the form that failed, if any)."""
    proposals = source.proposals.prefetch_related("suggested_actors").select_related("event").order_by("start", "pk")
    if tab != "all":
        proposals = proposals.filter(status=tab)
    page = Paginator(proposals, PROPOSALS_PER_PAGE).get_page(request.GET.get("page"))
    rows = []
    editing = request.GET.get("edit")  # without JavaScript, the accept form of this proposal
    for index, proposal in enumerate(page):
        proposal.source = source
        outcome = bound if bound and bound.proposal_pk == proposal.pk else None
        chosen = str(proposal.pk) == editing
        row = proposal_row(proposal, outcome=outcome, with_form=chosen, with_matches=chosen)
        row["eager"] = index < EAGER_MATCHES
        rows.append(row)
    return page, rows


def review_counts(source) -> dict:
    """The tabs with their counts, and how many proposals wait."""
    counts = source.proposals.aggregate(
        all=Count("pk"), **{name: Count("pk", filter=Q(status=name)) for name in TABS if name != "all"}
    )
    return {"tabs": [(name, label, counts[name]) for name, label in TABS.items()], "pending": counts["pending"]}


def reject_many(request, source) -> str:
    """The ticked proposals, or all the article's remaining ones, rejected at once (each can be reopened)."""
    pending = source.proposals.pending()
    if request.POST.get("action") == "reject_selected":
        chosen = [pk for pk in request.POST.getlist("selected") if pk.isdigit() and len(pk) <= 18]
        pending = pending.filter(pk__in=chosen)
    with transaction.atomic():
        count = pending.update(status=Proposal.Status.REJECTED, reviewed_at=timezone.now())
    if not count:
        return gettext("No pending proposal was selected: tick the ones to reject first.")
    return gettext("Rejected %(count)d proposal(s); reopen any of them from the Rejected tab.") % {"count": count}


class CiteOutcome:
    """What citing a passage gave: its proposal, the occurrences to choose from, or why not."""

    def __init__(self, row=None, message="", occurrences=None, passage="", is_error=False):
        self.row = row
        self.message = message
        self.occurrences = occurrences or []
        self.passage = passage
        self.is_error = is_error

    @property
    def status(self) -> int:
        return 400 if self.is_error else 200


def cite(request, source) -> CiteOutcome:
    """The passage the editor selected (or typed) as a proposal of its own, found in the article by the server."""
    passage = request.POST.get("passage", "")
    try:
        proposal = cite_passage(source, refuse_nul(passage, "A passage"), read_offset(request.POST.get("near")))
    except AmbiguousPassage as error:
        return CiteOutcome(message=str(error), occurrences=error.occurrences, passage=passage)
    except PassageError as error:
        return CiteOutcome(message=str(error), passage=passage, is_error=True)
    proposal.source = source
    message = gettext("The passage is a proposal of its own: check its date, then accept it or add it to an event.")
    return CiteOutcome(row=proposal_row(proposal), message=message)


def source_proposal(source, pk) -> Proposal:
    """One of the source's proposals by the pk a request gave; a 404 for anything else, garbage included."""
    if not str(pk or "").isdigit():
        raise Http404("No such proposal.")
    proposal = get_object_or_404(Proposal, pk=pk, source=source)
    proposal.source = source  # its text is read once per request, not once per proposal
    return proposal


def proposal_fragment(request, source):
    """
    What the page fetches per proposal: its accept form when the drawer opens,
    its likely events as the page loads (the first few cards) or as the
    editor nears it. Rendering 25 forms up front was most of the page's
    weight, and ranking 25 proposals most of its time.
    """
    if "form" in request.GET:
        proposal = source_proposal(source, request.GET["form"])
        row = {"proposal": proposal, "accept_form": ProposalAcceptForm(proposal=proposal)}
        return TemplateResponse(request, f"{TEMPLATE}#accept-form", {"row": row})
    proposal = source_proposal(source, request.GET["matches"])
    row = {"proposal": proposal, "matches": matches_for_proposal(proposal, limit=MATCHES_SHOWN)}
    return TemplateResponse(request, f"{TEMPLATE}#matches", {"row": row})


class Outcome:
    """What one review action did: a message for the editor, or the form to fix."""

    def __init__(self, proposal, message="", level=messages.SUCCESS, bound=None, kind=""):
        self.proposal_pk = proposal.pk
        self.message = message
        self.level = level
        self.bound = bound
        self.kind = kind

    @property
    def is_error(self):
        return self.level == messages.ERROR


def proposal_row(proposal, outcome=None, with_form=False, with_matches=False):
    """One proposal as the page shows it: its quote split around the date, its forms, its likely events."""
    accept = ProposalAcceptForm(proposal=proposal) if with_form else None
    into = IntoEventForm(proposal=proposal)
    if outcome and outcome.bound:
        if outcome.kind == "accept":
            accept = outcome.bound
        else:
            into = outcome.bound
    at = proposal.date_in_quote()
    position = proposal.quote.find(proposal.date_text) if at is None else at
    before, after = (
        (proposal.quote[:position], proposal.quote[position + len(proposal.date_text) :])
        if position >= 0
        else (proposal.quote, "")
    )
    pending = proposal.status == Proposal.Status.PENDING
    return {
        "proposal": proposal,
        "before": before,
        "date_text": proposal.date_text if position >= 0 else "",
        "after": after,
        "accept_form": accept,
        "into_form": into,
        "matches": matches_for_proposal(proposal, limit=MATCHES_SHOWN) if pending and with_matches else None,
        # what "Accept as proposed" will call the event, shown beside it
        "title": default_title(proposal) if pending else "",
        "outcome": outcome,
    }


# Django's admin says the same, in the editor's language.
CORRECT_ERRORS = gettext_lazy("Please correct the errors below.")


def apply_review(request, proposal) -> Outcome:
    """Apply one accept, into (attach), reject or reopen."""
    action = request.POST.get("action")
    try:
        if action == "reject":
            reject_proposal(proposal, user=request.user)
            return Outcome(proposal, gettext("Rejected “%(date)s”.") % {"date": proposal.date_text}, kind="reject")
        if action == "reopen":
            reopen_proposal(proposal)
            reopened = gettext("Reopened “%(date)s” for review.") % {"date": proposal.date_text}
            return Outcome(proposal, reopened, kind="reopen")
        if action in ("accept", "accept_as_proposed"):
            form = ProposalAcceptForm(request.POST if action == "accept" else None, proposal=proposal)
            if action == "accept_as_proposed":
                form = as_proposed(form)
            if not form.is_valid():
                return Outcome(proposal, CORRECT_ERRORS, messages.ERROR, bound=form, kind="accept")
            event = accept_as_event(proposal, request.user, form.cleaned_data)
            created = gettext("Created unpublished event “%(title)s”. Publish it when it is ready.")
            return Outcome(proposal, created % {"title": event.translated("title")})
        if action == "into":
            into = IntoEventForm(request.POST, proposal=proposal)
            if not into.is_valid():
                return Outcome(proposal, CORRECT_ERRORS, messages.ERROR, bound=into, kind="into")
            event = accept_proposal(
                proposal,
                user=request.user,
                edits={"quote": into.cleaned_data["quote"]},
                into_event=into.cleaned_data["event"],
            )
            added = gettext("Added the quote to “%(title)s”.") % {"title": event.translated("title")}
            return Outcome(proposal, added)
        return Outcome(proposal, gettext("Unknown review action."), messages.ERROR)
    except IngestError as error:
        return Outcome(proposal, str(error), messages.ERROR)
    finally:
        proposal.refresh_from_db()


def as_proposed(form):
    """The accept form bound to its own initial values: accepting a proposal as the extractor read it."""
    data = {}
    for name, field in form.fields.items():
        value = form.get_initial_for_field(field, name)
        if isinstance(value, list):
            value = [getattr(item, "pk", item) for item in value]
        data[form.add_prefix(name)] = "" if value is None else value
    return type(form)(data, proposal=form.proposal)


def accept_as_event(proposal, user, data) -> Event:
    """The proposal as a new event with everything the accept form sets; all of it or none."""
    with transaction.atomic():
        event = accept_proposal(proposal, user=user, edits=data)
        # accept_proposal sets the fields every proposal has; the editor's
        # short title, story arc and importance go on the same new event.
        extras = {"short_title": data["short_title"], "arc": data["arc"], "importance": data["importance"]}
        if any(getattr(event, name) != value for name, value in extras.items() if value):
            for name, value in extras.items():
                setattr(event, name, value if value is not None else getattr(event, name))
            event.save()
        event.topics.set(data["topics"])
        event.places.set(data["places"])
    return event


def reopen_proposal(proposal) -> Proposal:
    """A rejected proposal back to pending; accepted ones made events, which are edited there instead."""
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status != Proposal.Status.REJECTED:
            status = proposal.get_status_display().lower()
            raise IngestError(
                gettext("Only rejected proposals can be reopened; this one is %(status)s.") % {"status": status}
            )
        proposal.status = Proposal.Status.PENDING
        proposal.reviewed_at = None
        proposal.save()
    return proposal


def search_events(text: str) -> list[Event]:
    """
    At most SEARCH_RESULTS events, latest first, by title or short title, by
    any name of their actors, or by a date they span. Three small queries,
    each ordered and cut in SQL, cost far less at 100,000 events than one
    query OR-ing across the actor join.
    """
    text = text.strip()
    if len(text) < MIN_SEARCH_LENGTH:
        return []
    newest = ("-earliest", "-pk")
    actors = Actor.objects.filter(
        Q(name__icontains=text) | Q(short_name__icontains=text) | Q(aliases__icontains=text)
    ).values("pk")
    queries = [
        Event.objects.filter(title_match(text)),
        Event.objects.filter(pk__in=Event.actors.through.objects.filter(actor__in=actors).values("event_id")),
    ]
    span = date_span(text)
    if span:
        queries.append(Event.objects.filter(earliest__lte=span[1], latest__gte=span[0]))
    found = {event.pk: event for query in queries for event in query.order_by(*newest)[:SEARCH_RESULTS]}
    return sorted(found.values(), key=lambda event: (event.earliest, event.pk), reverse=True)[:SEARCH_RESULTS]


def title_match(text: str) -> Q:
    """
    Events whose title or short title holds `text`, any case. On PostgreSQL
    the trigram indexes of migration 0006 serve it (UPPER(title) LIKE
    '%…%'); SQLite scans, fast enough at 100,000 events (bench/bench_review.py).
    """
    return Q(title__icontains=text) | Q(short_title__icontains=text)


def date_span(text: str) -> tuple[datetime.date, datetime.date] | None:
    """The days a typed 2026, 2026-01 or 2026-01-13 covers, or None."""
    found = SEARCH_DATE.match(text)
    if not found:
        return None
    year, month, day = (int(part) if part else 0 for part in found.groups())
    try:
        if day:
            start = end = datetime.date(year, month, day)
        elif month:
            start = datetime.date(year, month, 1)
            end = (start + datetime.timedelta(days=31)).replace(day=1) - datetime.timedelta(days=1)
        else:
            start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    except (ValueError, OverflowError):  # 2026-13-01, or December of year 9999
        return None
    return start, end


def review_event_search(request, source_id, model_admin):
    """The attach form's search-as-you-type: a few events, each a button that attaches the proposal to it."""
    # It lists events, drafts included: viewing sources is not enough.
    if not (model_admin.has_view_permission(request) and request.user.has_perm("timeline.view_event")):
        raise PermissionDenied
    proposal = source_proposal(get_object_or_404(Source.objects.only("pk"), pk=source_id), request.GET.get("proposal"))
    query = refuse_nul(request.GET.get(f"i{proposal.pk}-q", request.GET.get("q", "")))
    context = {"proposal": proposal, "query": query, "events": search_events(query)}
    return TemplateResponse(request, f"{TEMPLATE}#event-results", context)
