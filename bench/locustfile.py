"""Readers of the embed and the API, as publishers' pages bring them."""

from locust import HttpUser, between, task


class Reader(HttpUser):
    wait_time = between(0.05, 0.2)

    @task(2)
    def embed(self):
        # /embed/ lands with issue 4; until then the timeline page stands in.
        with self.client.get("/embed/", name="/embed/", catch_response=True) as response:
            if response.status_code == 404:
                response.success()
                self.client.get("/", name="/ (embed stand-in)")

    @task(3)
    def api(self):
        self.client.get("/api/events.json", name="/api/events.json")
