from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = "Timeline"

    def ready(self):
        # Connects the receivers that make an event and what hangs on it one unit of history.
        from timeline import history  # noqa: F401
