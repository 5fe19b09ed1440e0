#!/usr/bin/env python3
"""Time from the 201 of POST /api/v1/process to the case's document.processed event.

Started by process-latency.sh; see there for usage. Runs the packaged service as an operator
would, serves one PDF from a loopback HTTP server (--pdf, else KLAREFI_BENCH_PDF, else the corpus's
first born-digital document), submits documents one at a time to an otherwise idle instance and
polls the case's event log. Scenarios:
  single: one instance (KLAREFI_ROLES=api,jobs) on its embedded database;
  split:  an API-only and a jobs-only instance on a scratch database of the local PostgreSQL.
Prints a table, writes bench-results/process-latency-*.json. Reports numbers only: it never fails
because something was slow.
"""

import argparse
import os
import random
import secrets
import shutil
import statistics
import sys
import time

import benchlib as b

SCENARIOS = {
    "single": "one instance (KLAREFI_ROLES=api,jobs), embedded PostgreSQL",
    "split": "API-only instance + jobs-only instance (KLAREFI_ROLES=api / jobs), external PostgreSQL",
}
# Only so that a stuck document cannot hang the run; such a document is reported, not failed on.
GIVE_UP_SECONDS = 300


def main():
    args = parse_arguments()
    workdir = b.workdir("process-latency")
    files = b.FileServer.of_files({"document.pdf": args.pdf})
    print(f"document: {args.pdf} ({os.path.getsize(args.pdf)} bytes), served at {files.url('document.pdf')}")
    print(f"{args.documents} documents per scenario, one at a time after a random pause below {args.pause_ms} ms,"
          f" events polled every {args.poll_ms} ms; logs in {workdir}")
    results = []
    try:
        for scenario in args.scenarios:
            print(f"\n== {SCENARIOS[scenario]}")
            run = single_instance if scenario == "single" else split_instances
            results.append(dict(scenario=scenario, title=SCENARIOS[scenario], **run(args, workdir, files)))
    finally:
        files.close()
    report(args, results)
    if not args.keep_logs:
        shutil.rmtree(workdir, ignore_errors=True)


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pdf", default=os.environ.get("KLAREFI_BENCH_PDF"),
                        help="the document to submit (default: KLAREFI_BENCH_PDF, else the corpus's first"
                             f" born-digital document; corpus {b.CORPUS})")
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
    parser.add_argument("--keep-logs", action="store_true", help="keep the service logs and data directories")
    args = parser.parse_args()
    args.scenarios = [name for name in SCENARIOS if name in args.scenarios.split(",")]
    if not args.scenarios:
        parser.error(f"--scenarios names none of {', '.join(SCENARIOS)}")
    args.pdf = args.pdf or first_born_digital()
    return args


def first_born_digital():
    try:
        documents = b.corpus_documents("born_digital")
    except OSError as error:
        raise SystemExit(f"no --pdf given and no corpus manifest ({error}); set KLAREFI_BENCH_PDF or KLAREFI_CORPUS")
    if not documents:
        raise SystemExit(f"the corpus manifest in {b.CORPUS} lists no born-digital document; give --pdf")
    return documents[0][1]


def single_instance(args, workdir, files):
    service = b.Service(workdir, "single")
    try:
        service.start()
        _, key = service.create_organisation("Latency bench")
        return measure(args, service.base_url, key, files, "single")
    finally:
        service.stop()


def split_instances(args, workdir, files):
    if shutil.which("psql") is None:
        print("skipped: needs the psql client to create and drop the benchmark database")
        return {"skipped": "needs the psql client"}
    database = b.ScratchDatabase("klarefi_latency")
    shared = dict(database.service_settings(), KLAREFI_DB_POOL_SIZE="10")
    services = []
    try:
        api = b.Service(workdir, "api-only", dict(shared, KLAREFI_ROLES="api"))
        services.append(api)
        api.start()
        worker = b.Service(workdir, "jobs-only", dict(shared, KLAREFI_ROLES="jobs"))
        services.append(worker)
        worker.start()
        _, key = api.create_organisation("Latency bench")
        return measure(args, api.base_url, key, files, "split")
    finally:
        for service in reversed(services):
            service.stop()
        database.drop()


def measure(args, base_url, key, files, prefix):
    """Client-observed and server-side (event log) seconds of the measured documents."""
    observed, server_side = [], []
    for index in range(args.warmup + args.documents):
        time.sleep(random.uniform(0, args.pause_ms / 1000))
        label = "warm-up" if index < args.warmup else f"{index - args.warmup + 1:3d}"
        document_url = files.url("document.pdf", unique=f"{prefix}-{index}-{secrets.token_hex(4)}")
        outcome = submit_and_await(args, base_url, key, document_url)
        if outcome is None:
            print(f"  {label:>7}: not processed within {GIVE_UP_SECONDS} s; left out of the figures")
            continue
        seen, between_events = outcome
        print(f"  {label:>7}: 201 -> document.processed seen {seen * 1000:7.0f} ms"
              f" (event log: {between_events * 1000:6.0f} ms)")
        if index >= args.warmup:
            observed.append(seen)
            server_side.append(between_events)
    return {"client_observed_s": observed, "event_log_s": server_side}


def submit_and_await(args, base_url, key, document_url):
    """(seconds from the 201 until the poll that saw document.processed, seconds between the
    document.received and document.processed timestamps), or None after GIVE_UP_SECONDS."""
    body = {"document_url": document_url, "case_type_id": "motor_claim", "idempotency_key": secrets.token_hex(16)}
    status, created = b.request("POST", base_url + "/api/v1/process", key, body)
    accepted = time.monotonic()
    if status != 201:
        raise SystemExit(f"POST /api/v1/process answered {status}: {created}")
    events_url = f"{base_url}/api/v1/cases/{created['case_id']}/events"
    deadline = accepted + GIVE_UP_SECONDS
    while time.monotonic() < deadline:
        try:
            status, log = b.request("GET", events_url, key)
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
            received = b.parse_time(by_type["document.received"]["created_at"])
            processed = b.parse_time(by_type["document.processed"]["created_at"])
            return seen - accepted, processed - received
        time.sleep(args.poll_ms / 1000)
    return None


def report(args, results):
    rows = []
    for result in results:
        if "skipped" in result:
            rows.append([result["scenario"], "skipped: " + result["skipped"], None, None, None, None, None])
            continue
        for measure_name, key in (("client-observed", "client_observed"), ("event log", "event_log")):
            figures = summarise(result[key + "_s"])
            result[key + "_ms"] = figures
            rows.append([result["scenario"], measure_name, len(result[key + "_s"]),
                         *(figures[name] if figures else None for name in ("min", "median", "p90", "max"))])
    print()
    for result in results:
        print(f"{result['scenario']}: {result['title']}")
    b.print_table("201 -> document.processed, milliseconds (client-observed includes up to one poll interval;"
                  " event log = document.received to document.processed timestamps on the server)",
                  ["scenario", "measure", "n", "min", "median", "p90", "max"], rows)
    b.write_results("process-latency", {"parameters": dict(vars(args)), "scenarios": results})


def summarise(values):
    if not values:
        return None
    return {"min": min(values) * 1000, "median": statistics.median(values) * 1000,
            "p90": b.percentile(values, 90) * 1000, "max": max(values) * 1000}


if __name__ == "__main__":
    sys.exit(main())
