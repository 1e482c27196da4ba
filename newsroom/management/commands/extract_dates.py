from newsdates import extract_dates
from newsroom.management.article_file import ArticleFileCommand, dump


class Command(ArticleFileCommand):
    help = (
        "Find the date expressions in a text file and resolve them against the "
        "article's publication date. Offsets are character offsets into the "
        "file's text read as UTF-8."
    )

    def handle(self, *args, file, published, json: bool, **options):
        text, published = self.read_article(file, published)
        mentions = extract_dates(text, published)
        if json:
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
