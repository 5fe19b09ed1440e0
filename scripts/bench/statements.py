#!/usr/bin/env python3
"""What one document costs the database: SQL statements, transactions, JobRunr state writes and
rows written, per document, from POST /api/v1/process to its document.processed webhook recorded.

Started by statements.sh. One instance (KLAREFI_ROLES=api,jobs) on a scratch database of the
local PostgreSQL with log_statement=all set on that database only; the server log
(--server-log) is read between two offsets and the lines of the scratch database counted. The
documents are submitted one at a time (one case each), each awaited until its delivery is
recorded; an idle window of the same length before them is counted too and subtracted, so the
job server's own polling and heartbeats are not charged to the documents. Counts, not times: the
figures do not depend on the machine's load.
"""

import argparse
import os
import re
import secrets
import subprocess
import time

import benchlib as b

LINE = re.compile(r"^\S+ \S+ \S+ \[\d+\] \S*@(?P<db>\S+) LOG:  (?:statement|execute [^:]*): (?P<sql>.*)$")
TERMINAL = ("document.processed", "document.failed")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=20, help="measured documents (default 20)")
    parser.add_argument("--warmup", type=int, default=3, help="unmeasured documents first (default 3)")
    parser.add_argument("--pdf", default=os.environ.get("KLAREFI_BENCH_PDF"),
                        help="the document (default: the corpus's first born-digital PDF)")
    parser.add_argument("--server-log", default="/var/log/postgresql/postgresql-15-main.log",
                        help="the PostgreSQL server log that log_statement writes to")
    args = parser.parse_args()
    b.require_tools("psql")
    pdf = args.pdf or b.corpus_documents("born_digital")[0][1]
    if not os.access(args.server_log, os.R_OK):
        raise SystemExit(f"cannot read the server log {args.server_log} (--server-log)")
    workdir = b.workdir("statements")
    database = b.ScratchDatabase("klarefi_bench_statements")
    files = b.FileServer.of_files({"document.pdf": pdf})
    receiver = b.WebhookReceiver()
    service = None
    try:
        database.psql("postgres", f'ALTER DATABASE "{database.name}" SET log_statement = \'all\'')
        service = b.Service(workdir, "service", database.service_settings())
        service.start()
        org_id, key = service.create_organisation("Statements benchmark")
        b.subscribe(service, org_id, receiver.url, TERMINAL)
        for index in range(args.warmup):
            submit_and_await(service, key, files, receiver, database, f"warmup-{index}")
        started = time.monotonic()
        before = counts(args.server_log, database)
        for index in range(args.documents):
            submit_and_await(service, key, files, receiver, database, f"doc-{index}")
        busy = counts(args.server_log, database, before)
        window = time.monotonic() - started
        idle_start = counts(args.server_log, database)
        time.sleep(window)
        idle = counts(args.server_log, database, idle_start)
        report(args, pdf, busy, idle, window)
    finally:
        for stop in ([service.stop] if service else []) + [files.close, receiver.close, database.drop]:
            stop()


def submit_and_await(service, key, files, receiver, database, label):
    body = {"document_url": files.url("document.pdf", unique=f"{label}-{secrets.token_hex(4)}"), "case_type_id": "motor_claim",
            "idempotency_key": secrets.token_hex(16)}
    status, created = b.request("POST", service.base_url + "/api/v1/process", key, body)
    if status != 201:
        raise SystemExit(f"POST /api/v1/process answered {status}: {created}")
    doc_id = created["doc_id"]
    if receiver.await_first(lambda event: event.get("data", {}).get("doc_id") == doc_id, 120) is None:
        raise SystemExit(f"no webhook for {doc_id} within 120 s")
    # The attempt is recorded after the receiver answered: wait for the bookkeeping too.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if quiet(database, "SELECT count(*) FROM webhooks.deliveries WHERE status = 'pending'").strip() == "0":
            return
        time.sleep(0.05)
    raise SystemExit(f"the delivery of {doc_id} was not recorded within 30 s")


def quiet(database, statement):
    """A query of the benchmark's own, kept out of the statement log."""
    return subprocess.run(["psql", "-h", database.host, "-p", database.port, "-U", database.user, "-d", database.name,
                           "-X", "-q", "-A", "-t", "-c", statement], check=True, capture_output=True, text=True,
                          env=dict(os.environ, PGOPTIONS="-c log_statement=none")).stdout


def counts(server_log, database, since=None):
    """Log offset, statements by kind, transactions and rows written so far (or since `since`)."""
    offset = os.path.getsize(server_log)
    statements, texts = {}, {}
    if since is not None:
        with open(server_log, "rb") as log:
            log.seek(since["offset"])
            for raw in log.read(offset - since["offset"]).decode(errors="replace").splitlines():
                match = LINE.match(raw)
                if match and match.group("db") == database.name:
                    kind = classify(match.group("sql"))
                    statements[kind] = statements.get(kind, 0) + 1
                    text = " ".join(match.group("sql").split())[:90]
                    texts[text] = texts.get(text, 0) + 1
    stats = quiet(database, """
        SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()),
               coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del) FILTER (WHERE schemaname = 'jobrunr'), 0),
               coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del) FILTER (WHERE schemaname <> 'jobrunr'), 0)
          FROM pg_stat_user_tables""").strip().split("|")
    now = {"offset": offset, "statements": statements, "texts": texts, "transactions": int(stats[0]), "jobrunr_rows": int(stats[1]),
           "product_rows": int(stats[2])}
    if since is not None:
        for field in ("transactions", "jobrunr_rows", "product_rows"):
            now[field + "_delta"] = now[field] - since[field]
    return now


def classify(sql):
    text = sql.strip().lower()
    if text in ("begin", "commit", "rollback") or text.startswith("set ") or text.startswith("show "):
        return "transaction control"
    if "jobrunr_jobs" in text and (text.startswith("insert") or text.startswith("update")):
        return "JobRunr job state writes"
    if "jobrunr" in text:
        return "JobRunr other"
    return "product"


def report(args, pdf, busy, idle, window):
    per_document = {}
    kinds = sorted(set(busy["statements"]) | set(idle["statements"]))
    for kind in kinds:
        per_document[kind] = (busy["statements"].get(kind, 0) - idle["statements"].get(kind, 0)) / args.documents
    per_document["all statements"] = sum(per_document[kind] for kind in kinds)
    for field in ("transactions", "jobrunr_rows", "product_rows"):
        per_document[field] = (busy[field + "_delta"] - idle[field + "_delta"]) / args.documents
    rows = [[kind, busy["statements"].get(kind, 0), idle["statements"].get(kind, 0), per_document[kind]] for kind in kinds]
    rows.append(["all statements", sum(busy["statements"].values()), sum(idle["statements"].values()),
                 per_document["all statements"]])
    for field in ("transactions", "jobrunr_rows", "product_rows"):
        rows.append([field.replace("_", " "), busy[field + "_delta"], idle[field + "_delta"], per_document[field]])
    by_text = {text: (busy["texts"].get(text, 0) - idle["texts"].get(text, 0)) / args.documents
               for text in set(busy["texts"]) | set(idle["texts"])}
    frequent = sorted(((count, text) for text, count in by_text.items() if count >= 0.5), reverse=True)
    b.print_table("statements per document by text (first 90 characters)", ["per document", "statement"],
                  [[count, text] for count, text in frequent])
    b.print_table(f"{args.documents} one-page documents ({os.path.basename(pdf)}), one at a time; idle window"
                  f" {window:.1f} s subtracted", ["count", "documents' window", "idle window", "per document"], rows)
    b.write_results("statements", {"documents": args.documents, "pdf": pdf, "window_seconds": window,
                                   "busy": busy, "idle": idle, "per_document": per_document,
                                   "per_document_by_text": dict((text, count) for count, text in frequent)})


if __name__ == "__main__":
    main()
