#!/usr/bin/env python3
"""Intake: accepted POST /api/v1/process per second across many organisations, against pgbench
doing the same rows' inserts on the same PostgreSQL.

Started by intake.sh. The service runs API-only (KLAREFI_ROLES=api) on a scratch database of the
local PostgreSQL, so the figure is the intake alone: documents are accepted and their jobs
enqueued, not processed. Every request carries another organisation's key (round robin) and a
fresh idempotency key. pgbench runs the writes one accepted request makes, measured by counting
rows (one row each in platform.idempotency_records, cases.cases, cases.case_documents,
processing.documents, cases.events and the JobRunr job, and two updates of the case), into copies
of the same tables (same columns and indexes) in the same database, with as many clients as wrk
has connections. Rounds alternate. Reports numbers only; never fails on a time.
"""

import argparse
import os
import secrets
import statistics
import subprocess
import sys

import benchlib as b

TABLES = {  # copy in schema bench -> table of the service
    "idempotency_records": "platform.idempotency_records", "cases": "cases.cases",
    "case_documents": "cases.case_documents", "documents": "processing.documents", "events": "cases.events",
    "jobrunr_jobs": "jobrunr.jobrunr_jobs",
}

# One accepted request's writes: the request's transaction, then JobRunr's enqueue on its own connection.
PGBENCH_SCRIPT = """
\\set n random(1, 9000000000000000000)
\\set org random(1, {organisations})
BEGIN;
SELECT status FROM bench.idempotency_records WHERE org_id = 'org_' || :org AND environment = 'test'
  AND endpoint = 'POST /api/v1/process' AND idem_key = 'k' || :n;
INSERT INTO bench.cases (id, org_id, environment, case_type_id, status, last_cursor, created_at, updated_at)
  VALUES ('case_' || :n, 'org_' || :org, 'test', 'motor_claim', 'processing', 0, now(), now());
INSERT INTO bench.case_documents (case_id, doc_id, position, status, updated_at)
  VALUES ('case_' || :n, 'doc_' || :n, 0, 'queued', now());
INSERT INTO bench.events (case_id, cursor, event_id, event_type, payload, created_at)
  VALUES ('case_' || :n, 1, 'evt_' || :n, 'document.received',
          jsonb_build_object('doc_id', 'doc_' || :n, 'status', 'queued', 'case_id', 'case_' || :n), now());
UPDATE bench.cases SET last_cursor = 1, updated_at = now() WHERE id = 'case_' || :n;
UPDATE bench.cases SET status = 'processing', updated_at = now() WHERE id = 'case_' || :n;
INSERT INTO bench.documents (id, org_id, environment, case_id, case_type_id, source_url, status, attempts,
                             created_at, updated_at)
  VALUES ('doc_' || :n, 'org_' || :org, 'test', 'case_' || :n, 'motor_claim',
          'http://127.0.0.1:9/files/claim.pdf?n=' || :n, 'queued', 0, now(), now());
INSERT INTO bench.idempotency_records (org_id, environment, endpoint, idem_key, request_hash, status,
                                       response_body, created_at)
  VALUES ('org_' || :org, 'test', 'POST /api/v1/process', 'k' || :n, md5(:n::text) || md5(:org::text), 201,
          jsonb_build_object('doc_id', 'doc_' || :n, 'job_id', 'job_' || md5(:n::text), 'status', 'queued',
                             'case_id', 'case_' || :n, 'idempotent_replay', false), now());
COMMIT;
INSERT INTO bench.jobrunr_jobs (id, version, jobasjson, jobsignature, state, createdat, updatedat)
  VALUES (md5(:n::text)::uuid::text, 1, repeat('x', 780),
          'com.klarefi.processing.internal.jobs.ProcessDocumentHandler.run(ProcessDocument)', 'ENQUEUED',
          now(), now());
"""

WRK_REQUESTS = """
local keys = {{{keys}}}
local counter = 0
local thread_id = 0
function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end
function request()
  counter = counter + 1
  local key = keys[(counter % #keys) + 1]
  local body = string.format('{{"document_url":"http://127.0.0.1:9/files/claim.pdf?n=%d","case_type_id":"motor_claim",'
    .. '"idempotency_key":"{run}-%s-%d"}}', counter, tostring(tid), counter)
  return wrk.format("POST", "/api/v1/process",
    {{["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}}, body)
end
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10, help="duration of one measured round (default 10)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections = pgbench clients (default 8)")
    parser.add_argument("--organisations", type=int, default=20, help="organisations submitting (default 20)")
    parser.add_argument("--warmup", type=int, default=5, help="unmeasured seconds of each first (default 5)")
    args = parser.parse_args()
    b.require_tools("wrk", "pgbench", "psql")
    workdir = b.workdir("intake")
    database = b.ScratchDatabase("klarefi_bench_intake")
    service = None
    try:
        service = b.Service(workdir, "api", dict(database.service_settings(), KLAREFI_ROLES="api",
                                                 KLAREFI_DB_POOL_SIZE=str(max(10, args.connections + 4))))
        service.start()
        keys = [service.create_organisation(f"Intake {index}")[1] for index in range(args.organisations)]
        for copy, table in TABLES.items():
            database.psql(database.name, f"CREATE SCHEMA IF NOT EXISTS bench; "
                                         f"CREATE TABLE bench.{copy} (LIKE {table} INCLUDING ALL)")
        script = os.path.join(workdir, "intake.sql")
        with open(script, "w") as out:
            out.write(PGBENCH_SCRIPT.format(organisations=args.organisations))
        lua = WRK_REQUESTS.format(keys=", ".join(f'"{key}"' for key in keys), run=secrets.token_hex(6))
        url = service.base_url + "/api/v1/process"
        print(f"{args.organisations} organisations, {args.connections} connections/clients, "
              f"{args.rounds} rounds of {args.seconds} s; logs in {workdir}")
        b.wrk(url, args.warmup, args.connections, lua=lua)
        pgbench(database, script, args.connections, args.warmup, workdir)
        rounds = {"service": [], "pgbench": []}
        peak = 0
        for number in range(args.rounds):
            service.reset_peak()
            figures = b.wrk(url, args.seconds, args.connections, lua=lua)
            peak = max(peak, service.peak_rss_mib() or 0)
            rounds["service"].append(figures)
            rounds["pgbench"].append(pgbench(database, script, args.connections, args.seconds, workdir))
            for name in rounds:
                figures = rounds[name][-1]
                print(f"  round {number + 1} {name:<8} {figures['requests_per_second']:8.0f} /s  "
                      f"p50 {figures['p50_ms']:6.2f} ms  p99 {figures['p99_ms']:7.2f} ms  errors {figures['errors']}")
        accepted = database.psql(database.name, "SELECT count(*) FROM processing.documents").strip()
        report(args, rounds, peak, service.ready_seconds, int(accepted))
    finally:
        if service:
            service.stop()
        database.drop()


def pgbench(database, script, clients, seconds, workdir):
    prefix = os.path.join(workdir, f"pgbench-{secrets.token_hex(3)}")
    done = subprocess.run(["pgbench", "-h", database.host, "-p", database.port, "-U", database.user, "-n",
                           "-c", str(clients), "-j", "1", "-T", str(seconds), "-f", script, "-l",
                           "--log-prefix", prefix, database.name], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"pgbench failed: {done.stderr[-2000:]}")
    latencies = []
    for name in os.listdir(workdir):
        path = os.path.join(workdir, name)
        if path.startswith(prefix):
            with open(path) as log:
                latencies += [int(line.split()[2]) / 1000 for line in log if line.strip()]
            os.unlink(path)
    failed = next((int(line.split(":")[1].split()[0]) for line in done.stdout.splitlines()
                   if line.startswith("number of failed transactions")), 0)
    return {"requests": len(latencies), "errors": failed, "requests_per_second": len(latencies) / seconds,
            "p50_ms": b.percentile(latencies, 50), "p90_ms": b.percentile(latencies, 90),
            "p99_ms": b.percentile(latencies, 99), "max_ms": max(latencies)}


def report(args, rounds, peak, ready_seconds, accepted):
    summary = {name: {field: statistics.median(figures[field] for figures in values)
                      for field in ("requests_per_second", "p50_ms", "p99_ms")} for name, values in rounds.items()}
    for name in summary:
        summary[name]["errors"] = sum(figures["errors"] for figures in rounds[name])
    throughput = b.ratio(summary["service"]["requests_per_second"], summary["pgbench"]["requests_per_second"])
    rows = [["POST /api/v1/process (201)", *summary["service"].values(), peak],
            ["pgbench, same writes", *summary["pgbench"].values(), None],
            ["service / pgbench", throughput, b.ratio(summary["service"]["p50_ms"], summary["pgbench"]["p50_ms"]),
             b.ratio(summary["service"]["p99_ms"], summary["pgbench"]["p99_ms"]), None, None]]
    b.print_table(f"Intake across {args.organisations} organisations, median of rounds",
                  ["what", "per s", "p50 ms", "p99 ms", "errors", "peak RSS MiB"], rows)
    print(f"\nthroughput ratio {throughput:.2f}; documents accepted in the run {accepted}; "
          f"service start to ready {ready_seconds:.1f} s")
    b.write_results("intake", {"parameters": vars(args), "rounds": rounds, "summary": summary,
                               "ratio_per_second": throughput, "service_peak_rss_mib": peak,
                               "documents_accepted": accepted, "service_ready_seconds": ready_seconds})


if __name__ == "__main__":
    sys.exit(main())
