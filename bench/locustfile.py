"""The load of `make bench-load`: the five main roles' pages in two municipalities, and the
ceiling.

Users come logged in: ``bench/load.py`` made a session for each (both factors done), so the
mix is page traffic, not password hashing. ``LOAD_FIXTURE`` names the JSON file with the
session keys and the ids of the objects the pages show. The server sits behind "a TLS
proxy" as in production: requests say ``X-Forwarded-Proto: https``, cookies are sent by hand.
"""

import json
import os
import re
import secrets
from itertools import count
from pathlib import Path

from locust import FastHttpUser, between, constant, task

FIXTURE = json.loads(Path(os.environ["LOAD_FIXTURE"]).read_text())
WAIT = constant(0) if os.environ.get("LOAD_THINK") == "0" else between(0.5, 1.5)
_next = {role: count() for role in FIXTURE["sessions"]}


class _User(FastHttpUser):
    abstract = True
    wait_time = WAIT
    role = ""

    def on_start(self) -> None:
        self.csrf = secrets.token_hex(16)  # a cookie secret of our own; pages mask it
        cookies = [f"csrftoken={self.csrf}"]
        if self.role:
            sessions = FIXTURE["sessions"][self.role]
            cookies.append(f"sessionid={sessions[next(_next[self.role]) % len(sessions)]}")
        self.headers = {"X-Forwarded-Proto": "https", "Cookie": "; ".join(cookies)}
        # People do not click in step: a user who pauses starts at a random point of a pause.
        # Without it all 50 first requests arrived in the same instant, and that one burst
        # (about half a second to drain) was the mix's whole 99th percentile.
        self.wait()

    def get(self, path: str, name: str):
        return self.client.get(path, headers=self.headers, name=name)


class Coordinator(_User):
    """Umeå's coordinators: the year's efforts are theirs."""

    role = "coordinator"
    weight = 2
    area, organisation = "area", "organisation"  # the fixture's keys of what they log
    place = ""  # added to the pages' names

    @task(3)
    def home(self) -> None:
        self.get("/", f"coordinator home{self.place}")

    @task(3)
    def effort_list(self) -> None:
        self.get("/efforts/", f"effort list{self.place}")

    @task(1)
    def log_an_effort(self) -> None:
        form = self.get("/efforts/new/", f"effort form{self.place}").text
        fields = dict(re.findall(r'name="(csrfmiddlewaretoken|_once)" value="([^"]+)"', form))
        self.client.post(
            "/efforts/new/",
            data={
                **fields,
                "date": "2025-11-20",
                "kind": "dialogue",
                "description": "Dialog med ungdomar vid torget",
                "areas": FIXTURE[self.area],
                "organisations": FIXTURE[self.organisation],
                "hours": "2",
                "cost": "0",
                "people_reached": "12",
            },
            headers={**self.headers, "Referer": f"https://{self.host.split('//')[1]}/"},
            name=f"log an effort{self.place}",
        )


class VannasCoordinator(Coordinator):
    """Vännäs' coordinators, beside Umeå's: the same pages over their few efforts."""

    role = "coordinator-vannas"
    weight = 1
    area, organisation = "area-vannas", "organisation-vannas"
    place = ", Vännäs"


class Police(_User):
    """The police area's officers, whose membership names both municipalities."""

    role = "police"
    weight = 2

    @task
    def operation(self) -> None:
        self.get(f"/operations/{FIXTURE['operation']}/", "operation")


class Politician(_User):
    role = "politician"
    weight = 2

    @task(3)
    def home(self) -> None:
        self.get("/", "politician home")

    @task(1)
    def download(self) -> None:
        self.get(f"/reports/{FIXTURE['report']}/pdf/", "report download")


class Public(_User):
    weight = 2

    @task(2)
    def promises(self) -> None:
        self.get("/umea/promises/", "public promises")

    @task(1)
    def promises_vannas(self) -> None:
        self.get("/vannas/promises/", "public promises, Vännäs")


class Ceiling(_User):
    """The trivial view: the health check, one tiny answer from Django."""

    @task
    def healthz(self) -> None:
        self.get("/healthz", "ceiling")
