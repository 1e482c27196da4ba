"""Other apps' configurations, where summit needs them to differ."""

from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class TasksDatabaseConfig(TasksAppConfig):
    # The app's own name is a plain English string; the admin shows this one in the editor's language.
    verbose_name = _("Background tasks")  # type: ignore[assignment]  # a str there; lazy here, as Django allows
