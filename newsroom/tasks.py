"""The django-tasks entry point: every background job runs through `run_job`."""

from django_tasks import task


@task()
def run_job(job_id: int) -> None:
    from newsroom import jobs

    jobs.run(job_id)
