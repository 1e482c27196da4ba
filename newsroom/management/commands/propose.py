from newsroom.ingest import check_text, proposals_for
from newsroom.management.article_file import ArticleFileCommand, dump
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


class Command(ArticleFileCommand):
    help = (
        "Print the proposals summit would make of an article, without writing anything: "
        "the quoted sentence with its offsets into the file's text, the dates, precision, "
        "status, flags for the editor and the published events it most likely reports."
    )

    file_help = "A UTF-8 text file (at most 2 MB)."
    json_help = "Print a JSON list (the stable contract for scripts)."

    def checked(self, text: str) -> str:
        return check_text(text)

    def handle(self, *args, file, published, json: bool, **options):
        text, published = self.read_article(file, published)
        rows = proposal_rows(text, published)
        if json:
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
