"""What `propose` and `extract_dates` share: an article's text file and its publication date in, JSON out."""

import json

from django.core.management.base import BaseCommand, CommandError

from newsroom.ingest import IngestError, parse_published, read_text_file


class ArticleFileCommand(BaseCommand):
    file_help = "A UTF-8 text file."
    json_help = "Print a JSON list."

    def add_arguments(self, parser):
        parser.add_argument("file", help=self.file_help)
        parser.add_argument("--published", required=True, help="Publication date, YYYY-MM-DD.")
        parser.add_argument("--json", action="store_true", help=self.json_help)

    def read_article(self, file: str, published: str):
        """The file's text (as `checked` accepts it) and the publication date, or a CommandError saying why not."""
        try:
            date = parse_published(published)
            return self.checked(read_text_file(file)), date
        except IngestError as error:
            raise CommandError(str(error)) from None

    def checked(self, text: str) -> str:
        return text


def dump(rows) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2)
