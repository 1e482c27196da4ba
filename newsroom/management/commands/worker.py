from django_tasks_db.management.commands import db_worker

from newsroom import jobs


class Command(db_worker.Command):
    help = (
        "Run background jobs (fetching links, reading long articles, polling feeds): django-tasks' "
        "database worker, which also starts the scheduler and queues again the jobs of workers that died. "
        "Run one or more, on any machine that shares the database."
    )

    def handle(self, *args, **options):
        jobs.requeue_stale()
        jobs.ensure_schedule()
        super().handle(*args, **options)
