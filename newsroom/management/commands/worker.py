import logging
import os
import threading
import time

from django.conf import settings
from django.db import close_old_connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from newsroom import jobs

logger = logging.getLogger(__name__)


class Command(db_worker.Command):
    help = (
        "Run background jobs (fetching links, reading long articles, polling feeds): django-tasks' "
        "database worker, with a scheduler beside it that queues the polls of feeds that are due and "
        "queues again the jobs of workers that died. Run one or more, on any machine sharing the database."
    )

    def handle(self, *args, **options):
        # With --reload the command runs twice: a watcher and the worker it restarts; only the worker schedules.
        if not options.get("reload") or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            threading.Thread(target=schedule, name="scheduler", daemon=True).start()
        super().handle(*args, **options)


def schedule() -> None:
    while True:
        try:
            jobs.tick()
        except Exception:
            logger.exception("The scheduler's tick failed; trying again at the next.")
        finally:
            close_old_connections()
        time.sleep(settings.SCHEDULE_SECONDS)
