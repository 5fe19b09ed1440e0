"""What only Klarefi's benchmark scripts share (standard library only); the service, its API and
the file server come from scripts/lib/harness.py.

Measures CPU time, runs scratch databases, receives webhooks on 127.0.0.1, drives ``wrk``, and
prints and stores results. Every figure a script reports is measured beside its baseline in the
same run; nothing here fails because something was slow.
"""

import base64
import http.server
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "lib"))
from harness import (CORPUS, JAR, ROOT, FileServer, Process, Service, free_port, java,  # noqa: E402,F401
                     java_options, request, send)

RESULTS_DIR = os.environ.get("KLAREFI_BENCH_RESULTS", os.path.join(ROOT, "bench-results"))


def request_text(url, timeout=30):
    status, _, raw = send("GET", url, None, None, None, timeout)
    return status, raw.decode("utf-8", "replace") if status == 200 else ""


def machine_cpu_seconds():
    """Busy CPU seconds of the whole machine (all cores) since boot, from /proc/stat."""
    with open("/proc/stat") as stat:
        fields = [int(value) for value in stat.readline().split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def processes_cpu_seconds(command_name):
    """CPU seconds used so far by the live processes of one command name (e.g. postgres)."""
    total = 0.0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                text = stat.read()
        except OSError:
            continue
        name, fields = text[text.index("(") + 1:text.rindex(")")], text.rsplit(")", 1)[1].split()
        if name == command_name:
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def parse_time(text):
    """ISO-8601 instants as the API writes them (UTC, 'Z', up to nanoseconds) to epoch seconds."""
    whole, _, fraction = text.rstrip("Z").partition(".")
    seconds = datetime.fromisoformat(whole).replace(tzinfo=timezone.utc).timestamp()
    return seconds + (float("0." + fraction) if fraction else 0.0)


# ---------------------------------------------------------------- processes

def bare_helidon(workdir, port):
    """A Process running BareHelidon.java, compiled once against the service's jar, on port."""
    classes = os.path.join(workdir, "bare-classes")
    if not os.path.isdir(classes):
        javac = os.path.join(os.path.dirname(java()), "javac")
        subprocess.run([javac, "-proc:none", "-cp", JAR, "-d", classes,
                        os.path.join(os.path.dirname(os.path.abspath(__file__)), "BareHelidon.java")], check=True)
    return Process([java(), *java_options(), "-cp", JAR + os.pathsep + classes, "BareHelidon", str(port)],
                   os.path.join(workdir, "bare.log"))


class ScratchDatabase:
    """A fresh database on the local PostgreSQL (127.0.0.1:5432, user postgres), dropped afterwards."""

    def __init__(self, prefix):
        self.host, self.port, self.user = "127.0.0.1", os.environ.get("KLAREFI_BENCH_PG_PORT", "5432"), "postgres"
        self.name = f"{prefix}_{os.getpid()}_{int(time.time())}"
        self.psql("postgres", f'CREATE DATABASE "{self.name}"')

    def psql(self, database, statement):
        return subprocess.run(["psql", "-h", self.host, "-p", self.port, "-U", self.user, "-d", database, "-X",
                               "-v", "ON_ERROR_STOP=1", "-q", "-A", "-t", "-c", statement],
                              check=True, capture_output=True, text=True).stdout

    def service_settings(self):
        return {
            "KLAREFI_MODE": "production",
            "KLAREFI_DB_URL": f"jdbc:postgresql://{self.host}:{self.port}/{self.name}",
            "KLAREFI_DB_USER": self.user,
            "KLAREFI_SECRET_KEY": base64.b64encode(secrets.token_bytes(32)).decode(),
            "KLAREFI_PUBLIC_BASE_URL": "http://127.0.0.1",
        }

    def drop(self):
        self.psql("postgres", f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


# ---------------------------------------------------------------- loopback servers

class _QuietHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *arguments):
        pass


class WebhookReceiver:
    """Records every webhook attempt: (arrival epoch seconds, webhook-id, parsed body)."""

    def __init__(self):
        self.attempts = []
        self.condition = threading.Condition()
        receiver = self

        class Handler(_QuietHandler):
            def do_POST(self):
                arrived = time.time()
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()
                with receiver.condition:
                    receiver.attempts.append((arrived, self.headers.get("webhook-id"), json.loads(body or b"{}")))
                    receiver.condition.notify_all()

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def first_attempts(self, event_type=None):
        """webhook-id -> (first arrival, body), optionally of one event type."""
        first = {}
        with self.condition:
            for arrived, message_id, body in self.attempts:
                if (event_type is None or body.get("type") == event_type) and message_id not in first:
                    first[message_id] = (arrived, body)
        return first

    def await_first(self, matches, timeout):
        """(arrival, body) of the first attempt whose body matches, or None after timeout seconds."""
        deadline = time.monotonic() + timeout
        with self.condition:
            while True:
                found = next(((arrived, body) for arrived, _, body in self.attempts if matches(body)), None)
                left = deadline - time.monotonic()
                if found or left <= 0:
                    return found
                self.condition.wait(left)

    def await_count(self, event_type, count, timeout):
        deadline = time.monotonic() + timeout
        with self.condition:
            while len({m for _, m, b in self.attempts if b.get("type") == event_type}) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.condition.wait(left)
        return True

    def close(self):
        self.server.shutdown()


def subscribe(service, org_id, url, event_types=("document.processed", "document.failed", "document.received")):
    return service.admin("POST", "/webhooks/endpoints", {"org_id": org_id, "environment": "test", "url": url,
                                                         "subscriptions": list(event_types)})


# ---------------------------------------------------------------- wrk

_WRK_REPORT = """
done = function(summary, latency, requests)
  io.write(string.format('WRKJSON {"requests": %d, "duration_us": %d, "connect_errors": %d, "read_errors": %d,'
    .. ' "write_errors": %d, "timeouts": %d, "non_2xx": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d,'
    .. ' "max_us": %d, "mean_us": %.1f}\\n',
    summary.requests, summary.duration, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, summary.errors.status, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean))
end
"""


def wrk(url, seconds, connections, threads=1, headers=(), lua="", workdir=None):
    """Runs wrk against a loopback url; returns its figures (requests/s, latency percentiles in ms)."""
    if not url.startswith("http://127.0.0.1:"):
        raise SystemExit("benchmarks only send traffic to 127.0.0.1")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", dir=workdir, delete=False) as script:
        script.write(lua + _WRK_REPORT)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", script.name]
    for header in headers:
        command += ["-H", header]
    done = subprocess.run(command + [url], capture_output=True, text=True, timeout=seconds + 60)
    os.unlink(script.name)
    line = next((line for line in done.stdout.splitlines() if line.startswith("WRKJSON ")), None)
    if line is None:
        raise SystemExit(f"wrk failed ({done.returncode}): {done.stdout[-1000:]} {done.stderr[-1000:]}")
    raw = json.loads(line[len("WRKJSON "):])
    errors = raw["connect_errors"] + raw["read_errors"] + raw["write_errors"] + raw["timeouts"] + raw["non_2xx"]
    return {
        "requests": raw["requests"], "errors": errors, "non_2xx": raw["non_2xx"],
        "requests_per_second": raw["requests"] / (raw["duration_us"] / 1e6),
        "p50_ms": raw["p50_us"] / 1000, "p90_ms": raw["p90_us"] / 1000, "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000, "mean_ms": raw["mean_us"] / 1000,
    }


def require_tools(*tools):
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        raise SystemExit(f"missing tools: {', '.join(missing)} (Debian: apt-get install "
                         + " ".join({"wrk": "wrk", "pgbench": "postgresql-contrib", "pdftotext": "poppler-utils",
                                     "pdfinfo": "poppler-utils", "tesseract": "tesseract-ocr", "psql": "postgresql-client"}
                                    .get(tool, tool) for tool in missing) + ")")


# ---------------------------------------------------------------- figures and reports

def percentile(values, p):
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-p * len(ordered) // 100))
    return ordered[int(rank) - 1]


def machine():
    return {"cpus": os.cpu_count(), "platform": platform.platform(), "load_average": os.getloadavg(),
            "note": "cores shared with other work; figures are ratios measured in the same run"}


def ratio(measured, baseline):
    return measured / baseline if baseline else None


def print_table(title, columns, rows):
    """rows: lists of values in column order; floats get two decimals."""
    cells = [[f"{value:.2f}" if isinstance(value, float) else ("-" if value is None else str(value)) for value in row]
             for row in rows]
    widths = [max([len(column)] + [len(row[index]) for row in cells]) for index, column in enumerate(columns)]
    print(f"\n{title}")
    print("  ".join(column.ljust(width) for column, width in zip(columns, widths)))
    print("  ".join("-" * width for width in widths))
    for row in cells:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)))


def write_results(name, results):
    os.makedirs(RESULTS_DIR, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    results = dict(results, benchmark=name, measured_at=stamp, machine=machine())
    path = os.path.join(RESULTS_DIR, f"{name}-{stamp}.json")
    for target in (path, os.path.join(RESULTS_DIR, f"{name}-latest.json")):
        with open(target, "w") as out:
            json.dump(results, out, indent=2)
    print(f"\nresults: {os.path.relpath(path, os.getcwd())}")
    return path


def workdir(prefix):
    return tempfile.mkdtemp(prefix=f"klarefi-{prefix}-")


def corpus_documents(rendition, corpus=CORPUS):
    """(name, path) of the corpus manifest's documents of one rendition (e.g. born_digital), in manifest order."""
    with open(os.path.join(corpus, "manifest.json")) as source:
        manifest = json.load(source)
    return [(f"{case['case_id']}-{document['file']}", os.path.join(corpus, case["path"], document["file"]))
            for case in manifest["cases"] for document in case["documents"] if document["rendition"] == rendition]
