from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    """The editors' desk: articles in, proposals reviewed, events published (the admin)."""

    name = "newsroom"
    verbose_name = _("Newsroom")
