"""What only the chaos scripts share: a claim-form server, a signing webhook receiver and the checks
of "nothing lost, nothing done twice". The service, its API and the file server come from
scripts/lib/harness.py.

Python standard library only. Everything listens on 127.0.0.1 and lives in one temporary
directory, so a run touches nothing else on the machine and cleans up after itself.
"""
import base64
import hashlib
import hmac
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "lib"))
from harness import Api, FileServer, Service, ensure_jar, free_port, log, parse  # noqa: E402,F401

CLIENT_TIMEOUT = 10.0


def service(workdir, settings=None):
    """The packaged service in workdir (logs serve-NN.log), reconciling soon after a restart."""
    return Service(workdir, "serve", dict({"KLAREFI_RECONCILE_IDLE_SECONDS": "5"}, **(settings or {})))


def api(base_url, token):
    """A client whose calls give up after CLIENT_TIMEOUT seconds, so a stalled service shows."""
    return Api(base_url, token, CLIENT_TIMEOUT)


def document_server(max_delay=0.3):
    """Serves small text documents (a claim form with a date, an amount and a plate) after a short random delay."""
    def claim_form(name):
        return (("Schadeformulier %s\nDatum ongeval: 3 februari 2023\nSchadebedrag: EUR 1.234,56\n"
                 "Kenteken: 12-ABC-3\nIBAN: NL91 ABNA 0417 1643 00\n" % name).encode(), "text/plain; charset=utf-8")

    return FileServer(claim_form, delay=lambda: random.uniform(0, max_delay))


def is_envelope(body):
    return isinstance(body, dict) and isinstance(body.get("error"), dict) and "code" in body["error"]


class Receiver:
    """A webhook receiver per path; `behaviour(path, attempt_number)` picks the answer, default 204.

    Every request is recorded with its arrival time, webhook-id, answer and whether its signature
    verified against the endpoint's secret (set with `secrets[path]`).
    """

    def __init__(self, behaviour=None, port=0):
        self.behaviour = behaviour or (lambda path, request: (204, {}, 0))
        self.requests = []
        self.secrets = {}
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                record = {"path": self.path, "at": time.time(), "id": self.headers.get("webhook-id"),
                          "verified": receiver.verify(self.path, self.headers, body), "body": parse(body)}
                with receiver.lock:
                    record["attempt"] = sum(1 for r in receiver.requests if r["path"] == self.path and r["id"] == record["id"]) + 1
                    receiver.requests.append(record)
                status, headers, delay = receiver.behaviour(self.path, record)
                record["status"] = status
                time.sleep(delay)
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                except OSError:
                    record["status"] = "abandoned"

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.httpd.server_address[1], path)

    def verify(self, path, headers, body):
        secret = self.secrets.get(path)
        if not secret:
            return False
        key = base64.b64decode(secret[len("whsec_"):])
        signed = ("%s.%s." % (headers.get("webhook-id"), headers.get("webhook-timestamp"))).encode() + body
        expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
        return any(part.split(",", 1)[-1] == expected for part in (headers.get("webhook-signature") or "").split())

    def delivered(self, path):
        """webhook-ids answered with a 2xx, with how often each arrived in total."""
        with self.lock:
            ok = {r["id"] for r in self.requests if r["path"] == path and isinstance(r["status"], int) and r["status"] < 300}
            counts = {}
            for r in self.requests:
                if r["path"] == path:
                    counts[r["id"]] = counts.get(r["id"], 0) + 1
        return ok, counts

    def close(self):
        self.httpd.shutdown()


def register_endpoint(service, admin_token, org_id, url, event_types):
    admin = api("http://127.0.0.1:%d" % service.admin_port, admin_token)
    status, body = admin.request("POST", "/admin/v1/webhooks/endpoints", {
        "org_id": org_id, "environment": "test", "url": url,
        "subscriptions": [{"event_type": name, "version": "v1"} for name in event_types]})
    if status != 201:
        raise RuntimeError("registering %s answered %s %s" % (url, status, body))
    return body


EVENT_TYPES = ["document.received", "document.processed", "document.failed", "case.updated"]


def case_events(client, case_id):
    events, cursor = [], 0
    while True:
        status, body = client.request("GET", "/api/v1/cases/%s/events?after_cursor=%d" % (case_id, cursor))
        if status != 200:
            raise RuntimeError("events of %s answered %s %s" % (case_id, status, body))
        events.extend(body["events"])
        cursor = body["next_cursor"]
        if not body["has_more"]:
            return events


def await_finished(client, cases, seconds):
    """Waits until no document of the cases is queued or processing; answers the unfinished case ids."""
    log("waiting for %d documents in %d cases to finish" % (sum(len(d) for d in cases.values()), len(cases)))
    deadline = time.time() + seconds
    unfinished = set(cases)
    while unfinished and time.time() < deadline:
        for case_id in list(unfinished):
            status, case = client.request("GET", "/api/v1/cases/" + case_id)
            if status == 200 and all(d["status"] not in ("queued", "processing") for d in case["documents"]):
                unfinished.discard(case_id)
        time.sleep(1)
    return unfinished


def check_case(client, case_id, doc_ids, failures):
    """Appends to failures what shows a document lost or done twice in this case; answers its events."""
    status, case = client.request("GET", "/api/v1/cases/" + case_id)
    listed = [d["doc_id"] for d in case["documents"]]
    if sorted(listed) != sorted(doc_ids):
        failures.append("case %s lists %s, accepted were %s" % (case_id, listed, sorted(doc_ids)))
    for document in case["documents"]:
        if document["status"] != "processed" or document.get("page_count") != 1:
            failures.append("document %s ended %s (%s)" % (document["doc_id"], document["status"], document.get("failure_code")))
    events = case_events(client, case_id)
    if [e["cursor"] for e in events] != list(range(1, len(events) + 1)):
        failures.append("case %s has cursors %s" % (case_id, [e["cursor"] for e in events]))
    if len({e["event_id"] for e in events}) != len(events):
        failures.append("case %s has an event twice" % case_id)
    for doc_id in doc_ids:
        types = [e["event_type"] for e in events if e["payload"].get("doc_id") == doc_id]
        if types != ["document.received", "document.processed"]:
            failures.append("document %s has events %s" % (doc_id, types))
    features = case["features"]
    for feature_id, feature in (features.items() if isinstance(features, dict) else enumerate(features)):
        seen = set()
        for candidate in feature["candidates"]:
            key = (candidate["value_normalized"], tuple(sorted(candidate["evidence_ids"])))
            if key in seen:
                failures.append("case %s feature %s has a duplicate candidate %s" % (case_id, feature_id, key))
            seen.add(key)
    return events



class Workdir:
    """A temporary directory kept on failure (its logs explain it) and removed after a clean run."""

    def __init__(self, name):
        self.path = tempfile.mkdtemp(prefix="klarefi-%s-" % name)
        self.keep = True

    def __enter__(self):
        return self

    def __exit__(self, kind, value, trace):
        if kind is None and not self.keep:
            shutil.rmtree(self.path, ignore_errors=True)
        else:
            print("logs kept in " + self.path, file=sys.stderr)
        return False
