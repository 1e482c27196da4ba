import json

from django.core.management.base import BaseCommand, CommandError

from newsroom.ingest import (
    IngestError,
    check_text,
    parse_published,
    proposals_for,
    read_text_file,
)
from newsroom.matching import matches_for_proposal
from timeline.models import Source


def proposal_rows(text: str, published) -> list[dict]:
    """The proposals summit would make of a text, as the command's stable JSON
    contract: offsets into the text, ISO dates, and the published events each
    most likely reports. Reads the database, writes nothing."""
    source = Source(text=text, published_on=published)  # never saved
    rows = []
    for proposal in proposals_for(source):
        rows.append(
            {
                "quote": proposal.quote,
                "start": proposal.start,
                "end": proposal.end,
                "earliest": proposal.earliest.isoformat(),
                "latest": proposal.latest.isoformat(),
                "precision": proposal.precision,
                "status": proposal.event_status,
                "flags": list(proposal.flags),
                "matches": [
                    {"slug": match.event.slug, "score": match.score}
                    for match in matches_for_proposal(proposal, published_only=True)
                ],
            }
        )
    return rows


class Command(BaseCommand):
    help = (
        "Print the proposals summit would make of an article, without writing anything: "
        "the quoted sentence with its offsets into the file's text, the dates, precision, "
        "status, flags for the editor and the published events it most likely reports."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A UTF-8 text file (at most 2 MB).")
        parser.add_argument("--published", required=True, help="Publication date, YYYY-MM-DD.")
        parser.add_argument("--json", action="store_true", help="Print a JSON list (the stable contract for scripts).")

    def handle(self, *args, file, published, json: bool, **options):
        as_json = json
        try:
            published = parse_published(published)
            text = check_text(read_text_file(file))
        except IngestError as error:
            raise CommandError(str(error)) from None
        rows = proposal_rows(text, published)
        if as_json:
            self.stdout.write(dump(rows))
            return
        for row in rows:
            flags = f"  [{', '.join(row['flags'])}]" if row["flags"] else ""
            self.stdout.write(
                f"{row['earliest']} – {row['latest']}  {row['precision']:<13} {row['status']:<9}{flags}\n"
                f"    {row['quote'][:100]}"
            )
            for match in row["matches"]:
                self.stdout.write(f"    ≈ {match['slug']} ({match['score']:.2f})")
        self.stdout.write(f"{len(rows)} proposal(s).")


def dump(rows) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2)
