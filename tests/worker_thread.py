"""django-tasks' own database worker, run in a thread beside the live server."""

import threading
from contextlib import contextmanager

from django.db import connection
from django_tasks_db.management.commands.db_worker import Worker


@contextmanager
def worker_thread():
    worker = Worker(
        queue_names=["default"],
        interval=0.1,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )

    def run():
        try:
            worker.run()
        finally:
            connection.close()

    thread = threading.Thread(target=run, name="test-worker", daemon=True)
    thread.start()
    try:
        yield worker
    finally:
        worker.running = False
        thread.join(30)
