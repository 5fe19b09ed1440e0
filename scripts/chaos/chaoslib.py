"""Shared pieces of the chaos scripts: the packaged service as a process, its admin commands, a
document server and a webhook receiver on loopback, and an API client with bounded timeouts.

Python standard library only. Everything listens on 127.0.0.1 and lives in one temporary
directory, so a run touches nothing else on the machine and cleans up after itself.
"""
import base64
import hashlib
import hmac
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
JAR = os.environ.get("KLAREFI_JAR", os.path.join(ROOT, "platform", "app", "target", "klarefi.jar"))
CLIENT_TIMEOUT = 10.0


def log(message):
    print(time.strftime("%H:%M:%S ") + message, flush=True)


def java():
    home = os.environ.get("JAVA_HOME", "")
    return os.path.join(home, "bin", "java") if home else "java"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ensure_jar():
    if not os.path.isfile(JAR):
        log("building " + JAR)
        subprocess.run([os.path.join(ROOT, "scripts", "build"), "-q"], check=True)


class Service:
    """`java -jar klarefi.jar serve` on loopback with its own data directory and embedded PostgreSQL."""

    def __init__(self, workdir, settings=None):
        self.workdir = workdir
        self.data_dir = os.path.join(workdir, "klarefi-data")
        self.port = free_port()
        self.admin_port = free_port()
        self.settings = {
            "KLAREFI_DATA_DIR": self.data_dir,
            "KLAREFI_HTTP_HOST": "127.0.0.1",
            "KLAREFI_HTTP_PORT": str(self.port),
            "KLAREFI_ADMIN_PORT": str(self.admin_port),
            "KLAREFI_DASHBOARD_ENABLED": "false",
            "KLAREFI_FETCH_ALLOWED_CIDRS": "127.0.0.0/8",
            "KLAREFI_RATE_LIMIT_PER_MINUTE": "1000000",
            "KLAREFI_RECONCILE_IDLE_SECONDS": "5",
        }
        self.settings.update(settings or {})
        self.process = None
        self.starts = 0

    def environment(self):
        env = {name: value for name, value in os.environ.items() if not name.startswith("KLAREFI_")}
        env.update(self.settings)
        return env

    def start(self, ready_within=90):
        self.starts += 1
        out = open(os.path.join(self.workdir, "serve-%02d.log" % self.starts), "wb")
        self.process = subprocess.Popen([java(), "-jar", JAR, "serve"], env=self.environment(),
                                        stdout=out, stderr=subprocess.STDOUT)
        deadline = time.time() + ready_within
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the service exited with %s; see %s" % (self.process.returncode, out.name))
            try:
                if self.health()[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("the service was not healthy within %d s; see %s" % (ready_within, out.name))

    def health(self, timeout=3.0):
        return Api("http://127.0.0.1:%d" % self.port, None, timeout).request("GET", "/api/v1/health")

    def kill(self):
        """SIGKILL, as the kernel's OOM killer or `kill -9` would."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(30)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()
        for pid in self.postgres_pids():
            os.kill(pid, signal.SIGCONT)
        postmaster = self.postmaster_pid()
        if postmaster:
            os.kill(postmaster, signal.SIGTERM)

    def admin(self, *args):
        result = subprocess.run([java(), "-jar", JAR, "admin", *args, "--json"], env=self.environment(),
                                capture_output=True, timeout=120, check=True)
        return json.loads(result.stdout)

    def postmaster_pid(self):
        try:
            with open(os.path.join(self.data_dir, "postgres", "postmaster.pid")) as pid_file:
                pid = int(pid_file.readline().strip())
            os.kill(pid, 0)
            return pid
        except (OSError, ValueError):
            return None

    def postgres_pids(self):
        """The embedded PostgreSQL's processes: the postmaster and its children, found by data directory."""
        postmaster = self.postmaster_pid()
        if not postmaster:
            return []
        pids = [postmaster]
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open("/proc/%s/stat" % entry) as stat:
                        parent = int(stat.read().rsplit(")", 1)[1].split()[1])
                    if parent == postmaster:
                        pids.append(int(entry))
                except (OSError, ValueError, IndexError):
                    pass
        return pids


class Api:
    """JSON over HTTP with a bounded timeout; answers (status, body) and never raises on an HTTP error."""

    def __init__(self, base, token, timeout=CLIENT_TIMEOUT):
        self.base = base
        self.token = token
        self.timeout = timeout

    def request(self, method, path, body=None, headers=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if self.token:
            request.add_header("Authorization", "Bearer " + self.token)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                return answer.status, parse(answer.read())
        except urllib.error.HTTPError as error:
            return error.code, parse(error.read())

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, body):
        return self.request("POST", path, body)


def parse(raw):
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return {"unparsed": raw[:200].decode("utf-8", "replace")}


def is_envelope(body):
    return isinstance(body, dict) and isinstance(body.get("error"), dict) and "code" in body["error"]


class DocumentServer:
    """Serves small text documents (a claim form with a date, an amount and a plate) after a short random delay."""

    def __init__(self, max_delay=0.3):
        self.fetches = {}
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                name = self.path.rsplit("/", 1)[-1]
                with server.lock:
                    server.fetches[name] = server.fetches.get(name, 0) + 1
                time.sleep(random.uniform(0, max_delay))
                body = ("Schadeformulier %s\nDatum ongeval: 3 februari 2023\nSchadebedrag: EUR 1.234,56\n"
                        "Kenteken: 12-ABC-3\nIBAN: NL91 ABNA 0417 1643 00\n" % name).encode()
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "text/plain; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the service was killed while fetching

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, name):
        return "http://127.0.0.1:%d/documents/%s" % (self.httpd.server_address[1], name)

    def close(self):
        self.httpd.shutdown()


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
    admin = Api("http://127.0.0.1:%d" % service.admin_port, admin_token)
    status, body = admin.post("/admin/v1/webhooks/endpoints", {
        "org_id": org_id, "environment": "test", "url": url,
        "subscriptions": [{"event_type": name, "version": "v1"} for name in event_types]})
    if status != 201:
        raise RuntimeError("registering %s answered %s %s" % (url, status, body))
    return body


EVENT_TYPES = ["document.received", "document.processed", "document.failed", "case.updated"]


def case_events(api, case_id):
    events, cursor = [], 0
    while True:
        status, body = api.get("/api/v1/cases/%s/events?after_cursor=%d" % (case_id, cursor))
        if status != 200:
            raise RuntimeError("events of %s answered %s %s" % (case_id, status, body))
        events.extend(body["events"])
        cursor = body["next_cursor"]
        if not body["has_more"]:
            return events


def await_finished(api, cases, seconds):
    """Waits until no document of the cases is queued or processing; answers the unfinished case ids."""
    log("waiting for %d documents in %d cases to finish" % (sum(len(d) for d in cases.values()), len(cases)))
    deadline = time.time() + seconds
    unfinished = set(cases)
    while unfinished and time.time() < deadline:
        for case_id in list(unfinished):
            status, case = api.get("/api/v1/cases/" + case_id)
            if status == 200 and all(d["status"] not in ("queued", "processing") for d in case["documents"]):
                unfinished.discard(case_id)
        time.sleep(1)
    return unfinished


def check_case(api, case_id, doc_ids, failures):
    """Appends to failures what shows a document lost or done twice in this case; answers its events."""
    status, case = api.get("/api/v1/cases/" + case_id)
    listed = [d["doc_id"] for d in case["documents"]]
    if sorted(listed) != sorted(doc_ids):
        failures.append("case %s lists %s, accepted were %s" % (case_id, listed, sorted(doc_ids)))
    for document in case["documents"]:
        if document["status"] != "processed" or document.get("page_count") != 1:
            failures.append("document %s ended %s (%s)" % (document["doc_id"], document["status"], document.get("failure_code")))
    events = case_events(api, case_id)
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
