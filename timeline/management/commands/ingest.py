from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from timeline.ingest import IngestError, decode_text, ingest_source, parse_published
from timeline.management.commands.extract_dates import read


class Command(BaseCommand):
    help = (
        "Store news articles as sources and propose a dated event for each sentence "
        "that carries a date. Proposals wait for review in the admin; nothing is published."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files.")
        parser.add_argument("--outlet", required=True)
        parser.add_argument("--title", required=True)
        parser.add_argument("--published", required=True, help="Publication date, YYYY-MM-DD.")
        parser.add_argument("--url", default=None)
        parser.add_argument("--dry-run", action="store_true", help="Show what would be created; save nothing.")

    def handle(self, *args, files, outlet, title, published, url, dry_run, **options):
        try:
            published = parse_published(published)
            # Read and check every file before storing any, so a bad file
            # in the batch leaves the database as it was.
            texts = [(file, decode_text(read(file), name=file)) for file in files]
        except IngestError as error:
            raise CommandError(str(error)) from None
        results = []
        # One transaction over the batch: a file without dates undoes the others.
        with transaction.atomic():
            for file, text in tqdm(texts, desc="Ingesting", unit="file", disable=len(texts) < 2):
                try:
                    result = ingest_source(
                        text, published, outlet=outlet, title=title, url=url, dry_run=dry_run
                    )
                except IngestError as error:
                    raise CommandError(f"{file}: {error}") from None
                results.append((file, result))
        verb = "Would create" if dry_run else "Created"
        for file, result in results:
            where = "" if dry_run else f" (source #{result.source.pk})"
            self.stdout.write(f"{file}: {len(result.proposals)} proposed event(s){where}")
        total = sum(len(r.proposals) for _, r in results)
        self.stdout.write(
            self.style.SUCCESS(f"{verb} {len(results)} source(s) and {total} proposed event(s).")
        )
        if not dry_run:
            self.stdout.write("Review them in the admin under Sources → Review proposed events.")
