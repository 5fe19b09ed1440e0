#!/usr/bin/env python3
"""Time from the 201 of POST /api/v1/process to the case's document.processed event.

Started by process-latency.sh (which finds Java 25 and builds the artifact); see there for usage.
Runs the packaged service as an operator would, serves one PDF from a loopback HTTP server,
submits documents one at a time to an otherwise idle instance and polls the case's event log.
Reports numbers only: it never fails because something was slow.
"""

import argparse
import base64
import http.server
import json
import os
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone

DEFAULT_PDF = "/work/shared/corpus/dev-0001/completed_form.pdf"
# Only so that a stuck document cannot hang the run; such a document is reported, not failed on.
GIVE_UP_SECONDS = 300


def main():
    args = parse_arguments()
    with open(args.pdf, "rb") as source:
        pdf = source.read()
    workdir = tempfile.mkdtemp(prefix="klarefi-latency-")
    documents = DocumentServer(pdf)
    print(f"document: {args.pdf} ({len(pdf)} bytes), served at {documents.base_url}")
    print(f"{args.documents} documents per scenario, one at a time after a random pause below {args.pause_ms} ms,"
          f" events polled every {args.poll_ms} ms; logs in {workdir}")
    results = []
    try:
        if "single" in args.scenarios:
            results.append(single_instance(args, workdir, documents))
        if "split" in args.scenarios:
            results.append(split_instances(args, workdir, documents))
    finally:
        documents.close()
    print()
    print_summary(results)
    if not args.keep_logs:
        shutil.rmtree(workdir, ignore_errors=True)


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", required=True, help="the packaged artifact (klarefi.jar)")
    parser.add_argument("--java", default="java", help="a Java 25 executable")
    parser.add_argument("--pdf", default=os.environ.get("KLAREFI_BENCH_PDF", DEFAULT_PDF),
                        help="the document to submit (default: %(default)s)")
    parser.add_argument("--documents", type=int, default=30, help="measured documents per scenario (default 30)")
    parser.add_argument("--warmup", type=int, default=3, help="unmeasured documents first (default 3)")
    parser.add_argument("--poll-ms", type=int, default=20, help="event polling interval (default 20)")
    parser.add_argument("--pause-ms", type=int, default=5000,
                        help="before each document, wait a random time below this (default 5000, one job poll),"
                             " so documents arrive at random moments of the job server's poll cycle; with 0 the"
                             " split scenario locks onto the poll and shows its worst case")
    parser.add_argument("--scenarios", default="single,split",
                        help="single (one instance, embedded database), split (api-only + jobs-only instances"
                             " on an external PostgreSQL); comma-separated (default both)")
    parser.add_argument("--pg-host", default="127.0.0.1")
    parser.add_argument("--pg-port", default="5432")
    parser.add_argument("--pg-user", default="postgres")
    parser.add_argument("--keep-logs", action="store_true", help="keep the service logs and data directories")
    args = parser.parse_args()
    args.scenarios = set(args.scenarios.split(","))
    return args


class DocumentServer:
    """Serves the same bytes for every path, on 127.0.0.1 and a free port."""

    def __init__(self, content):
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "application/pdf")
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            def log_message(self, *arguments):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, name):
        return f"{self.base_url}/documents/{name}.pdf"

    def close(self):
        self.server.shutdown()


class Service:
    """One `java -jar klarefi.jar serve` process with its own ports, data directory and log."""

    def __init__(self, args, workdir, name, settings):
        self.name = name
        self.http_port, self.admin_port = free_port(), free_port()
        self.data_dir = os.path.join(workdir, name + "-data")
        self.log_path = os.path.join(workdir, name + ".log")
        self.environment = {key: value for key, value in os.environ.items() if not key.startswith("KLAREFI_")}
        self.environment.update({
            "KLAREFI_DATA_DIR": self.data_dir,
            "KLAREFI_HTTP_HOST": "127.0.0.1",
            "KLAREFI_HTTP_PORT": str(self.http_port),
            "KLAREFI_ADMIN_PORT": str(self.admin_port),
            "KLAREFI_DASHBOARD_ENABLED": "false",
            "KLAREFI_FETCH_ALLOWED_CIDRS": "127.0.0.0/8",
            # Polling the event log every 20 ms is far above the default 100 requests a minute.
            "KLAREFI_RATE_LIMIT_PER_MINUTE": "1000000",
        })
        self.environment.update(settings)
        self.args = args
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen([args.java, "-jar", args.jar, "serve"], env=self.environment,
                                            stdout=log, stderr=subprocess.STDOUT)
        self.base_url = f"http://127.0.0.1:{self.http_port}"

    def await_healthy(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name} exited with status {self.process.returncode}; see {self.log_path}")
            try:
                status, _ = request("GET", self.base_url + "/api/v1/health")
                if status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"{self.name} did not become healthy within {timeout} s; see {self.log_path}")

    def create_organisation(self):
        done = subprocess.run([self.args.java, "-jar", self.args.jar, "admin", "create-org", "--name", "Latency bench",
                               "--json"], env=self.environment, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise SystemExit(f"admin create-org failed ({done.returncode}): {done.stderr[-2000:]}")
        return json.loads(done.stdout)["keys"]["test"]

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def single_instance(args, workdir, documents):
    title = "one instance (KLAREFI_ROLES=api,jobs), embedded PostgreSQL"
    print(f"\n== {title}")
    service = Service(args, workdir, "single", {})
    try:
        service.await_healthy()
        key = service.create_organisation()
        return title, measure(args, service.base_url, key, documents, "single")
    finally:
        service.stop()


def split_instances(args, workdir, documents):
    title = "API-only instance + jobs-only instance (KLAREFI_ROLES=api / jobs), external PostgreSQL"
    print(f"\n== {title}")
    if shutil.which("psql") is None:
        print("skipped: needs the psql client to create and drop the benchmark database")
        return title, None
    database = f"klarefi_latency_{os.getpid()}_{int(time.time())}"
    psql(args, f'CREATE DATABASE "{database}"')
    shared = {
        "KLAREFI_MODE": "production",
        "KLAREFI_DB_URL": f"jdbc:postgresql://{args.pg_host}:{args.pg_port}/{database}",
        "KLAREFI_DB_USER": args.pg_user,
        "KLAREFI_DB_POOL_SIZE": "10",
        "KLAREFI_SECRET_KEY": base64.b64encode(secrets.token_bytes(32)).decode(),
        "KLAREFI_PUBLIC_BASE_URL": "http://127.0.0.1",
    }
    services = []
    try:
        api = Service(args, workdir, "api-only", dict(shared, KLAREFI_ROLES="api"))
        services.append(api)
        api.await_healthy()
        worker = Service(args, workdir, "jobs-only", dict(shared, KLAREFI_ROLES="jobs"))
        services.append(worker)
        worker.await_healthy()
        key = api.create_organisation()
        return title, measure(args, api.base_url, key, documents, "split")
    finally:
        for service in reversed(services):
            service.stop()
        psql(args, f'DROP DATABASE IF EXISTS "{database}"')


def psql(args, statement):
    subprocess.run(["psql", "-h", args.pg_host, "-p", args.pg_port, "-U", args.pg_user, "-d", "postgres",
                    "-v", "ON_ERROR_STOP=1", "-q", "-c", statement], check=True)


def measure(args, base_url, key, documents, prefix):
    """Returns (client-observed seconds, server-side seconds) of the measured documents."""
    observed, server_side = [], []
    for index in range(args.warmup + args.documents):
        time.sleep(random.uniform(0, args.pause_ms / 1000))
        name = f"{prefix}-{index}-{secrets.token_hex(4)}"
        label = "warm-up" if index < args.warmup else f"{index - args.warmup + 1:3d}"
        outcome = submit_and_await(args, base_url, key, documents.url(name))
        if outcome is None:
            print(f"  {label:>7}: not processed within {GIVE_UP_SECONDS} s; left out of the figures")
            continue
        seen, between_events = outcome
        print(f"  {label:>7}: 201 -> document.processed seen {seen * 1000:7.0f} ms"
              f" (event log: {between_events * 1000:6.0f} ms)")
        if index >= args.warmup:
            observed.append(seen)
            server_side.append(between_events)
    return observed, server_side


def submit_and_await(args, base_url, key, document_url):
    body = {"document_url": document_url, "case_type_id": "motor_claim", "idempotency_key": secrets.token_hex(16)}
    status, created = request("POST", base_url + "/api/v1/process", key, body)
    accepted = time.monotonic()
    if status != 201:
        raise SystemExit(f"POST /api/v1/process answered {status}: {created}")
    events_url = f"{base_url}/api/v1/cases/{created['case_id']}/events"
    deadline = accepted + GIVE_UP_SECONDS
    while time.monotonic() < deadline:
        try:
            status, log = request("GET", events_url, key)
        except OSError as error:  # a refused or reset poll is retried, not fatal to the run
            print(f"  (poll failed: {error}; polling on)")
            time.sleep(args.poll_ms / 1000)
            continue
        seen = time.monotonic()
        if status != 200:
            raise SystemExit(f"GET {events_url} answered {status}: {log}")
        by_type = {event["event_type"]: event for event in log.get("events", [])}
        if "document.failed" in by_type:
            raise SystemExit(f"document failed: {by_type['document.failed']['payload']}")
        if "document.processed" in by_type:
            received = parse_time(by_type["document.received"]["created_at"])
            processed = parse_time(by_type["document.processed"]["created_at"])
            return seen - accepted, processed - received
        time.sleep(args.poll_ms / 1000)
    return None


def request(method, url, key=None, body=None):
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"} if data else {}
    if key:
        headers["Authorization"] = "Bearer " + key
    call = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(call, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def parse_time(text):
    """ISO-8601 instants as the API writes them (UTC, 'Z', up to nanoseconds) to epoch seconds."""
    whole, _, fraction = text.rstrip("Z").partition(".")
    seconds = datetime.fromisoformat(whole).replace(tzinfo=timezone.utc).timestamp()
    return seconds + (float("0." + fraction) if fraction else 0.0)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def print_summary(results):
    print("201 -> document.processed, milliseconds (client-observed includes up to one poll interval;")
    print("event log = document.received to document.processed timestamps on the server)")
    header = f"{'scenario':<92} {'measure':<16} {'n':>3} {'min':>6} {'median':>7} {'p90':>6} {'max':>6}"
    print(header)
    print("-" * len(header))
    for title, measured in results:
        if measured is None:
            print(f"{title:<92} skipped")
            continue
        for label, values in zip(("client-observed", "event log"), measured):
            low, median, p90, high = summarise(values)
            print(f"{title:<92} {label:<16} {len(values):>3} {low:>6.0f} {median:>7.0f} {p90:>6.0f} {high:>6.0f}")


def summarise(values):
    ordered = sorted(values)
    rank = max(1, -(-9 * len(ordered) // 10))  # nearest-rank 90th percentile
    return (ordered[0] * 1000, statistics.median(ordered) * 1000, ordered[rank - 1] * 1000, ordered[-1] * 1000)


if __name__ == "__main__":
    sys.exit(main())
