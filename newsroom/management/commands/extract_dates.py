import json

from django.core.management.base import BaseCommand, CommandError

from newsdates import extract_dates
from newsroom.ingest import IngestError, parse_published, read_text_file


class Command(BaseCommand):
    help = (
        "Find the date expressions in a text file and resolve them against the "
        "article's publication date. Offsets are character offsets into the "
        "file's text read as UTF-8."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A UTF-8 text file.")
        parser.add_argument("--published", required=True, help="Publication date, YYYY-MM-DD.")
        parser.add_argument("--json", action="store_true", help="Print a JSON list.")

    def handle(self, *args, file, published, json: bool, **options):
        as_json = json
        try:
            published = parse_published(published)
            text = read_text_file(file)
        except IngestError as error:
            raise CommandError(str(error)) from None
        mentions = extract_dates(text, published)
        if as_json:
            rows = [
                {key: m.to_dict()[key] for key in ("text", "start", "end", "value", "earliest", "latest", "sentence")}
                for m in mentions
            ]
            self.stdout.write(dump(rows))
            return
        self.stdout.write(f"{'start':>6} {'end':>6}  {'text':<28} {'value':<12} {'earliest':<10}  {'latest':<10}")
        for m in mentions:
            self.stdout.write(
                f"{m.start:>6} {m.end:>6}  {m.text[:28]:<28} {m.value:<12} "
                f"{m.earliest or '-'!s:<10}  {m.latest or '-'!s:<10}"
            )
        self.stdout.write(f"{len(mentions)} date expression(s).")


def dump(rows) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2)
