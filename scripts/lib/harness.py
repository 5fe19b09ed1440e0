"""The one harness of Klarefi's evaluation, benchmark and chaos scripts (standard library only).

It finds Java as every shell script does (through scripts/lib/java.sh), starts the packaged service
as scripts/klarefi would (`java`, the JVM defaults of java.sh, `-jar klarefi.jar serve`) on loopback
with its own ports, data directory and log, serves files for the service to fetch, and calls the API. What only one family of scripts
needs (wrk and scratch databases for benchmarks, signed webhook receivers for chaos runs, scoring for
the evaluation) stays in that family's own file.

The corpus is found through one variable, KLAREFI_CORPUS, else ../shared/corpus beside the checkout.
"""
import json
import mimetypes
import os
import posixpath
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.environ.get("KLAREFI_JAR") or os.path.join(ROOT, "platform", "app", "target", "klarefi.jar")
CORPUS = os.environ.get("KLAREFI_CORPUS") or os.path.join(os.path.dirname(ROOT), "shared", "corpus")


def log(message):
    print(time.strftime("%H:%M:%S ") + message, flush=True)


_java = []


def java():
    """The java binary scripts/lib/java.sh chooses ($JAVA when a shell script has sourced it already)."""
    if not _java:
        chosen = os.environ.get("JAVA")
        if not chosen:
            found = subprocess.run(["bash", "-c", 'source "$1" && echo "$JAVA"', "java.sh",
                                    os.path.join(ROOT, "scripts", "lib", "java.sh")], capture_output=True, text=True)
            if found.returncode != 0:
                raise SystemExit(found.stderr.strip())
            chosen = found.stdout.strip()
        _java.append(chosen)
    return _java[0]


_java_options = []


def java_options():
    """The JVM flags every Java process of a run gets, as scripts/klarefi passes them: the defaults of
    scripts/lib/java.sh (heap cap, collector), then KLAREFI_JAVA_OPTS."""
    if not _java_options:
        found = subprocess.run(["bash", "-c", 'source "$1" && klarefi_java_options', "java.sh",
                                os.path.join(ROOT, "scripts", "lib", "java.sh")], capture_output=True, text=True)
        if found.returncode != 0:
            raise SystemExit(found.stderr.strip())
        _java_options.append(found.stdout.split())
    return _java_options[0]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ensure_jar(say=log):
    if not os.path.isfile(JAR):
        say("building " + JAR + " (scripts/build; the first build takes a few minutes)")
        subprocess.run([os.path.join(ROOT, "scripts", "build"), "-q"], cwd=ROOT, check=True, stdout=sys.stderr)


# ---------------------------------------------------------------- calling the API

def parse(raw):
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return {"unparsed": raw[:200].decode("utf-8", "replace")}


def send(method, url, token, body, headers, timeout):
    """(status, response headers, raw body) of one call; an HTTP error is an answer, not an exception."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    call = urllib.request.Request(url, data=data, method=method)
    if token:
        call.add_header("Authorization", "Bearer " + token)
    call.add_header("Accept", "application/json")
    if data is not None:
        call.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        call.add_header(name, value)
    try:
        with urllib.request.urlopen(call, timeout=timeout) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def request(method, url, token=None, body=None, headers=None, timeout=30):
    """(status, parsed JSON body) of one call; an HTTP error is an answer, not an exception."""
    status, _, raw = send(method, url, token, body, headers, timeout)
    return status, parse(raw)


class ApiError(Exception):
    def __init__(self, status, body):
        super().__init__("HTTP %s: %s" % (status, json.dumps(body)[:300]))
        self.status = status


class Api:
    """One API surface (public or admin) with a bearer token.

    request() answers (status, body) whatever the status; call() answers the body of a 2xx, waits out
    429s as Retry-After says, retries a refused connection a few times and raises ApiError otherwise.
    """

    def __init__(self, base_url, token=None, timeout=30):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.throttled_seconds = 0.0

    def request(self, method, path, body=None, headers=None):
        return request(method, self.base_url + path, self.token, body, headers, self.timeout)

    def call(self, method, path, body=None):
        for attempt in range(8):
            try:
                status, headers, raw = send(method, self.base_url + path, self.token, body, None, self.timeout)
            except (urllib.error.URLError, ConnectionError, socket.timeout):
                if attempt >= 3:
                    raise
                time.sleep(1 + attempt)
                continue
            if status < 300:
                return parse(raw)
            if status == 429 and attempt < 7:
                pause = _retry_after(headers.get("Retry-After"))
                self.throttled_seconds += pause
                time.sleep(pause)
                continue
            raise ApiError(status, parse(raw))
        raise ApiError(429, "still rate limited after retries")


def _retry_after(header):
    try:
        return max(0.5, min(float(header), 120.0))
    except (TypeError, ValueError):
        return 5.0


# ---------------------------------------------------------------- the service as a process

class Process:
    """A child process whose peak resident set size and CPU time can be read (Linux /proc)."""

    def __init__(self, command, log_path, environment=None, cwd=None):
        self.log_path = log_path
        self.started = time.monotonic()
        with open(log_path, "ab") as log_file:
            self.process = subprocess.Popen(command, env=environment, cwd=cwd, stdout=log_file,
                                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
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
            pass  # the peak then covers the whole life of the process, which the reports say

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
                if request("GET", url, timeout=5)[0] == 200:
                    return time.monotonic() - self.started
            except OSError:
                pass
            time.sleep(0.05)
        raise SystemExit(f"{name} did not answer {url} within {timeout} s; see {self.log_path}")

    def alive(self):
        return self.process.poll() is None

    def kill(self):
        """SIGKILL, as the kernel's OOM killer or `kill -9` would."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(30)

    def stop(self, timeout=30):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()


class Service:
    """`java -jar klarefi.jar serve` on loopback with its own ports, data directory and logs.

    The environment is the caller's without any KLAREFI_ setting, plus loopback defaults and the
    given settings, so a run never picks up an operator's configuration by accident. Without
    KLAREFI_DB_URL the service runs its embedded PostgreSQL in the data directory.
    """

    def __init__(self, workdir, name="service", settings=None):
        self.workdir = workdir
        self.name = name
        self.data_dir = os.path.join(workdir, name + "-data")
        self.port, self.admin_port = free_port(), free_port()
        self.settings = {
            "KLAREFI_DATA_DIR": self.data_dir,
            "KLAREFI_HTTP_HOST": "127.0.0.1",
            "KLAREFI_HTTP_PORT": str(self.port),
            "KLAREFI_ADMIN_PORT": str(self.admin_port),
            "KLAREFI_DASHBOARD_ENABLED": "false",
            "KLAREFI_FETCH_ALLOWED_CIDRS": "127.0.0.0/8",
            "KLAREFI_RATE_LIMIT_PER_MINUTE": "1000000",
        }
        self.settings.update(settings or {})
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.admin_url = f"http://127.0.0.1:{self.admin_port}/admin/v1"
        self.process = None
        self.starts = 0
        self.ready_seconds = None
        self._admin_token = None

    def environment(self):
        environment = {key: value for key, value in os.environ.items() if not key.startswith("KLAREFI_")}
        environment.update(self.settings)
        return environment

    @property
    def log_path(self):
        return os.path.join(self.workdir, "%s-%02d.log" % (self.name, max(self.starts, 1)))

    def start(self, ready_within=300):
        """Starts the service and waits until its readiness check (the database answers) says 200;
        answers the seconds that took. May be called again after stop() or kill()."""
        ensure_jar()
        self.starts += 1
        self.process = Process([java(), *java_options(), "-jar", JAR, "serve"], self.log_path, self.environment(),
                               cwd=self.workdir)
        self.ready_seconds = self.process.await_http(self.admin_url + "/health/ready", ready_within, self.name)
        return self.ready_seconds

    @property
    def pid(self):
        return self.process.pid

    def peak_rss_mib(self):
        return self.process.peak_rss_mib()

    def reset_peak(self):
        self.process.reset_peak()

    def cpu_seconds(self):
        return self.process.cpu_seconds()

    def health(self, timeout=3.0):
        return request("GET", self.base_url + "/api/v1/health", timeout=timeout)

    def kill(self):
        self.process.kill()

    def stop(self):
        """Stops the service, and its embedded PostgreSQL too when a kill left that behind."""
        if self.process:
            self.process.stop()
        for pid in self.postgres_pids():
            os.kill(pid, signal.SIGCONT)
        postmaster = self.postmaster_pid()
        if postmaster:
            os.kill(postmaster, signal.SIGTERM)

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
        for entry in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open("/proc/%s/stat" % entry) as stat:
                    if int(stat.read().rsplit(")", 1)[1].split()[1]) == postmaster:
                        pids.append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
        return pids

    def log_tail(self, lines=30):
        with open(self.log_path, encoding="utf-8", errors="replace") as log_file:
            return "".join(log_file.readlines()[-lines:])

    def admin_cli(self, *arguments):
        """`klarefi admin <arguments> --json` against this service's data directory, parsed."""
        done = subprocess.run([java(), "-jar", JAR, "admin", *arguments, "--json"], env=self.environment(),
                              cwd=self.workdir, capture_output=True, text=True, timeout=180)
        if done.returncode != 0:
            raise SystemExit(f"klarefi admin {arguments[0]} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])

    def admin_api(self):
        """The admin surface with a token created for this run."""
        if self._admin_token is None:
            self._admin_token = self.admin_cli("create-admin-token", "--description", "harness")["token"]
        return Api(self.admin_url, self._admin_token)

    def admin(self, method, path, body=None):
        status, answer = self.admin_api().request(method, path, body)
        if status >= 300:
            raise SystemExit(f"{method} /admin/v1{path} answered {status}: {answer}")
        return answer

    def create_organisation(self, name, requests_per_minute=1_000_000):
        """(org_id, test key) of a new organisation whose rate limit is raised for the run."""
        created = self.admin("POST", "/organisations", {"name": name})
        self.admin("PUT", f"/organisations/{created['org_id']}/rate-limit", {"requests_per_minute": requests_per_minute})
        return created["org_id"], created["keys"]["test"]

    def api(self, key):
        return Api(self.base_url, key)


# ---------------------------------------------------------------- serving files to the service

class FileServer:
    """Serves documents on a loopback port for the service to fetch, counting fetches per name.

    `find(name)` answers a document's bytes, or (bytes, content type), or None for a 404; the
    content type is otherwise guessed from the name. `delay()` answers seconds to wait first.
    """

    def __init__(self, find, host="127.0.0.1", delay=None):
        self.fetches = {}
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                name = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path.lstrip("/"))
                with server.lock:
                    server.fetches[name] = server.fetches.get(name, 0) + 1
                if delay:
                    time.sleep(delay())
                found = find(name)
                body, content_type = found if isinstance(found, tuple) else (found, None)
                try:
                    self.send_response(404 if body is None else 200)
                    self.send_header("Content-Type", content_type or mimetypes.guess_type(name)[0]
                                     or "application/octet-stream")
                    self.send_header("Content-Length", str(len(body or b"")))
                    self.end_headers()
                    self.wfile.write(body or b"")
                except OSError:
                    pass  # the service went away while fetching

            def log_message(self, *arguments):
                pass

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @classmethod
    def of_directory(cls, directory, host="127.0.0.1"):
        """Every file under directory by its relative path."""
        root = os.path.realpath(directory)

        def find(name):
            path = os.path.realpath(os.path.join(root, posixpath.normpath("/" + name).lstrip("/")))
            if not path.startswith(root + os.sep) or not os.path.isfile(path):
                return None
            with open(path, "rb") as file:
                return file.read()

        return cls(find, host)

    @classmethod
    def of_files(cls, paths):
        """The given files (name -> path), read once."""
        contents = {}
        for name, path in paths.items():
            with open(path, "rb") as file:
                contents[name] = file.read()
        return cls(contents.get)

    def url(self, *parts, unique=""):
        host, port = self.httpd.server_address[:2]
        path = "/".join(urllib.parse.quote(part) for part in parts)
        return "http://%s:%d/%s" % (host, port, path) + (f"?u={unique}" if unique else "")

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self):
        return self

    def __exit__(self, *exception):
        self.close()
