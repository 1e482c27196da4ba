"""Readers of the embed and the API, as publishers' pages bring them."""

from locust import HttpUser, between, task


class Reader(HttpUser):
    wait_time = between(0.05, 0.2)

    @task(2)
    def embed(self):
        self.client.get("/embed/", name="/embed/")

    @task(3)
    def api(self):
        self.client.get("/api/events.json", name="/api/events.json")
