from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """The editors' desk: articles in, proposals reviewed, events published (the admin)."""

    name = "newsroom"
    verbose_name = "Newsroom"
