"""Shared pieces of Klarefi's benchmark scripts (standard library only).

Starts the packaged service as an operator would (``java -jar klarefi.jar serve``) on loopback,
measures its start time to ready and its peak resident memory per phase, serves files and receives
webhooks on 127.0.0.1, drives ``wrk``, and prints and stores results. Every figure a script reports
is measured beside its baseline in the same run; nothing here fails because something was slow.
"""

import base64
import http.server
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.environ.get("KLAREFI_JAR") or os.path.join(ROOT, "platform", "app", "target", "klarefi.jar")
RESULTS_DIR = os.environ.get("KLAREFI_BENCH_RESULTS", os.path.join(ROOT, "bench-results"))
CORPUS = os.environ.get("KLAREFI_CORPUS", os.path.join(os.path.dirname(ROOT), "shared", "corpus"))


def java():
    return os.environ.get("JAVA") or os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java")


def java_options():
    """The JVM flags every Java process of a run gets, the service and its baseline alike."""
    return os.environ.get("KLAREFI_JAVA_OPTS", "").split()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def request(method, url, token=None, body=None, timeout=30):
    """(status, parsed JSON or text) of one call; HTTP errors are answers, not exceptions."""
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"} if data else {}
    if token:
        headers["Authorization"] = "Bearer " + token
    call = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(call, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def request_text(url, timeout=30):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


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


# ---------------------------------------------------------------- processes and memory

class Process:
    """A child process whose peak resident set size can be read and reset per phase."""

    def __init__(self, command, log_path, environment=None, cwd=None):
        self.log_path = log_path
        self.started = time.monotonic()
        with open(log_path, "ab") as log:
            self.process = subprocess.Popen(command, env=environment, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        self.pid = self.process.pid

    def peak_rss_mib(self):
        """VmHWM: the highest resident set size since start or since the last reset_peak()."""
        try:
            with open(f"/proc/{self.pid}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return None

    def reset_peak(self):
        try:
            with open(f"/proc/{self.pid}/clear_refs", "w") as refs:
                refs.write("5")
        except OSError:
            pass  # the peak then covers the whole life of the process, which the report says

    def cpu_seconds(self):
        try:
            with open(f"/proc/{self.pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            return None

    def await_http(self, url, timeout=180, name="process"):
        """Seconds from start until url answers 200."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{name} exited with status {self.process.returncode}; see {self.log_path}")
            try:
                status, _ = request("GET", url, timeout=5)
                if status == 200:
                    return time.monotonic() - self.started
            except OSError:
                pass
            time.sleep(0.05)
        raise SystemExit(f"{name} did not answer {url} within {timeout} s; see {self.log_path}")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def bare_helidon(workdir, port):
    """A Process running BareHelidon.java, compiled once against the service's jar, on port."""
    classes = os.path.join(workdir, "bare-classes")
    if not os.path.isdir(classes):
        javac = os.path.join(os.path.dirname(java()), "javac")
        subprocess.run([javac, "-proc:none", "-cp", JAR, "-d", classes,
                        os.path.join(os.path.dirname(os.path.abspath(__file__)), "BareHelidon.java")], check=True)
    return Process([java(), *java_options(), "-cp", JAR + os.pathsep + classes, "BareHelidon", str(port)],
                   os.path.join(workdir, "bare.log"))


class Service(Process):
    """One `java -jar klarefi.jar serve` with its own ports, data directory and log."""

    def __init__(self, workdir, name, settings=None):
        self.name = name
        self.http_port, self.admin_port = free_port(), free_port()
        self.environment = {key: value for key, value in os.environ.items() if not key.startswith("KLAREFI_")}
        self.environment.update({
            "KLAREFI_DATA_DIR": os.path.join(workdir, name + "-data"),
            "KLAREFI_HTTP_HOST": "127.0.0.1",
            "KLAREFI_HTTP_PORT": str(self.http_port),
            "KLAREFI_ADMIN_PORT": str(self.admin_port),
            "KLAREFI_DASHBOARD_ENABLED": "false",
            "KLAREFI_FETCH_ALLOWED_CIDRS": "127.0.0.0/8",
            "KLAREFI_RATE_LIMIT_PER_MINUTE": "1000000",
        })
        self.environment.update(settings or {})
        self.base_url = f"http://127.0.0.1:{self.http_port}"
        self.admin_url = f"http://127.0.0.1:{self.admin_port}/admin/v1"
        super().__init__([java(), *java_options(), "-jar", JAR, "serve"], os.path.join(workdir, name + ".log"),
                         self.environment)
        self.ready_seconds = None
        self._admin_token = None

    def await_ready(self, timeout=180):
        """Start to ready: until the admin surface's readiness check (the database answers) says 200."""
        self.ready_seconds = self.await_http(self.admin_url + "/health/ready", timeout, self.name)
        return self.ready_seconds

    def admin_cli(self, *arguments):
        done = subprocess.run([java(), "-jar", JAR, "admin", *arguments, "--json"], env=self.environment,
                              capture_output=True, text=True, timeout=180)
        if done.returncode != 0:
            raise SystemExit(f"admin {arguments[0]} failed ({done.returncode}): {done.stderr[-2000:]}")
        return json.loads(done.stdout)

    def admin(self, method, path, body=None):
        if self._admin_token is None:
            self._admin_token = self.admin_cli("create-admin-token", "--description", "benchmark")["token"]
        status, answer = request(method, self.admin_url + path, self._admin_token, body)
        if status >= 300:
            raise SystemExit(f"{method} /admin/v1{path} answered {status}: {answer}")
        return answer

    def create_organisation(self, name="Benchmark", requests_per_minute=1_000_000):
        """(org_id, test key) of a new organisation whose rate limit is raised for the run."""
        created = self.admin("POST", "/organisations", {"name": name})
        self.admin("PUT", f"/organisations/{created['org_id']}/rate-limit", {"requests_per_minute": requests_per_minute})
        return created["org_id"], created["keys"]["test"]


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


class FileServer:
    """Serves files by name (GET /files/<name>) on 127.0.0.1 and a free port."""

    def __init__(self, files):
        contents = {name: open(path, "rb").read() for name, path in files.items()}

        class Handler(_QuietHandler):
            def do_GET(self):
                body = contents.get(self.path.rsplit("/", 1)[-1].split("?")[0])
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_port}/files"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, name, unique=""):
        return f"{self.base_url}/{name}" + (f"?u={unique}" if unique else "")

    def close(self):
        self.server.shutdown()


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
    widths = [max(len(column), *(len(row[index]) for row in cells)) for index, column in enumerate(columns)]
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
