import csv
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from newsroom.fetch import FetchError
from newsroom.ingest import (
    DuplicateSourceError,
    IngestError,
    check_url,
    ingest_source,
    parse_published,
    read_text_file,
)
from newsroom.links import ingest_link

# Columns of a manifest: one row per file, each with its own metadata.
MANIFEST_COLUMNS = ("file", "published", "outlet", "title", "author", "country", "url")
# A single text longer than this gets its own progress bar while it is read for dates.
LARGE_TEXT_CHARS = 100_000


@dataclass
class Article:
    file: str
    published: object = None
    metadata: dict = field(default_factory=dict)
    text: str = ""


def read_manifest(path: str) -> list[dict]:
    """Rows of a CSV or JSON manifest, with file paths relative to the manifest."""
    manifest = Path(path)
    raw = read_text_file(manifest)
    try:
        if manifest.suffix.lower() == ".json":
            rows = json.loads(raw)
            if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
                raise IngestError(f"{path} must hold a JSON list of objects, one per file.")
        else:
            rows = list(csv.DictReader(raw.splitlines()))
    except (json.JSONDecodeError, csv.Error) as error:
        raise IngestError(f"{path} is not a readable manifest: {error}.") from None
    if not rows:
        raise IngestError(f"{path} lists no files.")
    for number, row in enumerate(rows, start=1):
        unknown = set(row) - set(MANIFEST_COLUMNS)
        if unknown:
            raise IngestError(
                f"{path}, row {number}: unknown column(s) {', '.join(sorted(map(str, unknown)))}; "
                f"the columns are {', '.join(MANIFEST_COLUMNS)}."
            )
        if not (row.get("file") or "").strip():
            raise IngestError(f"{path}, row {number}: the file is missing.")
        row["file"] = str(manifest.parent / row["file"].strip())
    return rows


class Command(BaseCommand):
    help = (
        "Store news articles as sources and propose a dated event for each date expression that "
        "places one. Metadata that is not given stays empty (never guessed). A batch of files with "
        "their own metadata is a manifest (CSV or JSON: file, published, outlet, title, author, country, url). "
        "Proposals wait for review in the admin; nothing is published."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text files (at most 2 MB each).")
        parser.add_argument("--manifest", help="CSV or JSON file listing the files, one row each with its metadata.")
        parser.add_argument("--published", help="Publication date, YYYY-MM-DD (or the manifest's column).")
        parser.add_argument("--outlet")
        parser.add_argument("--title")
        parser.add_argument("--author")
        parser.add_argument("--country", help="Country the outlet is based in.")
        parser.add_argument(
            "--url",
            help="The article's http(s) address. Alone (no FILE), the page is fetched and its text, title, author, "
            "outlet and date read from it; flags given win over what the page says.",
        )
        parser.add_argument(
            "--allow-duplicate",
            action="store_true",
            help="Store an article even when its URL or text is already a source.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Show what would be created; save nothing.")

    def handle(self, *args, files, manifest, dry_run, allow_duplicate, **options):
        flags = {key: options[key] for key in ("published", "outlet", "title", "author", "country", "url")}
        if flags["url"] and not files and not manifest:
            return self.ingest_url(flags, dry_run, allow_duplicate)
        try:
            articles = self.articles(files, manifest, flags)
            # Read and check every file before storing any, so a bad file
            # in the batch leaves the database as it was.
            for article in articles:
                article.published = parse_published(article.published)
                article.metadata["url"] = check_url(article.metadata.get("url"))
                article.text = read_text_file(article.file)
        except IngestError as error:
            raise CommandError(str(error)) from None
        results = []
        # One transaction over the batch: a file without dates undoes the others.
        with transaction.atomic():
            for article in tqdm(articles, desc="Ingesting", unit="file", disable=len(articles) < 2):
                results.append((article.file, self.ingest(article, dry_run, allow_duplicate)))
        verb = "Would create" if dry_run else "Created"
        for file, result in results:
            where = "" if dry_run else f" (source #{result.source.pk})"
            self.stdout.write(f"{file}: {len(result.proposals)} proposed event(s){where}")
        total = sum(len(r.proposals) for _, r in results)
        self.stdout.write(self.style.SUCCESS(f"{verb} {len(results)} source(s) and {total} proposed event(s)."))
        if not dry_run:
            self.stdout.write("Review them in the admin under Sources → Review proposed events.")

    def ingest_url(self, flags, dry_run, allow_duplicate):
        """Fetch the page at --url and store it, its proposals made, before exiting."""
        overrides = {key: flags[key] for key in ("outlet", "title", "author")}
        overrides["outlet_country"] = flags["country"]
        try:
            published = parse_published(flags["published"]) if flags["published"] else None
            extracted, result = ingest_link(
                flags["url"], published=published, overrides=overrides, dry_run=dry_run, allow_duplicate=allow_duplicate
            )
        except DuplicateSourceError as error:
            raise CommandError(f"{flags['url']}: {error} Use --allow-duplicate to store it again.") from None
        except (FetchError, IngestError) as error:
            raise CommandError(f"{flags['url']}: {error}") from None
        source = result.source
        for label, value in (
            ("URL", source.url),
            ("Title", source.title),
            ("Author", source.author),
            ("Outlet", source.outlet),
            ("Published", source.published_on.isoformat()),
        ):
            self.stdout.write(f"{label}: {value or '(not given)'}")
        verb = "Would create" if dry_run else "Created"
        where = "" if dry_run else f" #{source.pk}"
        self.stdout.write(self.style.SUCCESS(f"{verb} source{where} and {len(result.proposals)} proposed event(s)."))

    def articles(self, files, manifest, flags) -> list[Article]:
        if manifest and files:
            raise IngestError("Give either files or --manifest, not both.")
        if manifest:
            given = [name for name, value in flags.items() if value and name != "published"]
            if given:
                raise IngestError(f"With --manifest, give {', '.join(given)} in the manifest, one row per file.")
            return [
                Article(
                    file=row["file"],
                    published=(row.get("published") or "").strip() or flags["published"],
                    metadata={key: (row.get(key) or "").strip() or None for key in MANIFEST_COLUMNS[2:]},
                )
                for row in read_manifest(manifest)
            ]
        if not files:
            raise IngestError("Give one or more files, or --manifest.")
        if len(files) > 1 and (flags["title"] or flags["url"]):
            raise IngestError("--title and --url describe one article; for a batch, give each file's in a --manifest.")
        if not flags["published"]:
            raise IngestError("Give the publication date with --published YYYY-MM-DD.")
        metadata = {key: flags[key] for key in MANIFEST_COLUMNS[2:]}
        return [Article(file=file, published=flags["published"], metadata=dict(metadata)) for file in files]

    def ingest(self, article: Article, dry_run: bool, allow_duplicate: bool):
        metadata = dict(article.metadata)
        country = metadata.pop("country", None)
        bar = None
        if len(article.text) > LARGE_TEXT_CHARS:
            bar = tqdm(total=len(article.text), desc=Path(article.file).name, unit="char", unit_scale=True)
        try:
            return ingest_source(
                article.text,
                article.published,
                outlet_country=country,
                dry_run=dry_run,
                allow_duplicate=allow_duplicate,
                progress=progress_of(bar),
                **metadata,
            )
        except DuplicateSourceError as error:
            raise CommandError(f"{article.file}: {error} Use --allow-duplicate to store it again.") from None
        except IngestError as error:
            raise CommandError(f"{article.file}: {error}") from None
        finally:
            if bar:
                bar.close()


def progress_of(bar: tqdm | None) -> Callable[[int], None] | None:
    """The extractor reports characters read so far; tqdm counts increments."""
    if bar is None:
        return None

    def advance(done: int) -> None:
        bar.update(done - bar.n)

    return advance
