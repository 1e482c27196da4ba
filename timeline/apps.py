from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = _("Timeline")

    def ready(self):
        # Connects the receivers that make an event and what hangs on it one unit of history.
        # Connects the receivers that move the data version after each commit readers can see.
        from timeline import (
            data_version,  # noqa: F401
            history,  # noqa: F401
        )
