#!/usr/bin/env python3
"""Latency: 201 of POST /api/v1/process to document.processed, and event to first webhook
attempt, p50/p95, on an idle and on a loaded instance.

Started by latency.sh. One instance (KLAREFI_ROLES=api,jobs) on a scratch database of the local
PostgreSQL, a webhook receiver on 127.0.0.1 subscribed to document.received, document.processed
and document.failed. Probes are a one-page born-digital PDF submitted one at a time after a random
pause; "loaded" keeps --load submitters busy with the corpus's born-digital PDFs (each submits
the next once its previous one is processed) while the probes run. 201 -> processed uses the
event's own timestamp (same clock as the client); event -> first attempt is the receiver's arrival
time minus the event timestamp, over every event delivered in the phase. Peak RSS is per phase.
Reports numbers only; never fails on a time. See also process-latency.sh (single vs split instances).
"""

import argparse
import os
import random
import secrets
import sys
import threading
import time

import benchlib as b

PROBE = "dev-0001/completed_form.pdf"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=b.CORPUS)
    parser.add_argument("--probes", type=int, default=30, help="measured probes per phase (default 30)")
    parser.add_argument("--warmup", type=int, default=10, help="unmeasured probes first (default 10)")
    parser.add_argument("--pause-ms", type=int, default=500, help="random pause below this before a probe")
    parser.add_argument("--load", type=int, default=4, help="busy submitters in the loaded phase (default 4)")
    args = parser.parse_args()
    b.require_tools("psql")
    pdfs = dict(b.corpus_documents("born_digital", args.corpus))
    workdir = b.workdir("latency")
    database = b.ScratchDatabase("klarefi_bench_latency")
    files = b.FileServer.of_files(dict(pdfs, probe=os.path.join(args.corpus, PROBE)))
    receiver = b.WebhookReceiver()
    service = None
    try:
        service = b.Service(workdir, "service", database.service_settings())
        service.start()
        org_id, key = service.create_organisation("Latency benchmark")
        b.subscribe(service, org_id, receiver.url)
        client = Client(service, key, files, receiver)
        for _ in range(args.warmup):
            client.submit_and_await("probe")
        phases = [phase(args, "idle", client, service, receiver, None),
                  phase(args, f"loaded ({args.load} busy submitters)", client, service, receiver,
                        Load(client, list(pdfs), args.load))]
        report(args, phases, service.ready_seconds)
    finally:
        if service:
            service.stop()
        files.close()
        receiver.close()
        database.drop()


class Client:
    def __init__(self, service, key, files, receiver):
        self.service, self.key, self.files, self.receiver = service, key, files, receiver

    def submit_and_await(self, name):
        """(seconds from the 201 to the document.processed timestamp, the processed webhook's body)."""
        status, answer = b.request("POST", self.service.base_url + "/api/v1/process", self.key, {
            "document_url": self.files.url(name, unique=secrets.token_hex(4)), "case_type_id": "motor_claim",
            "idempotency_key": secrets.token_hex(16)})
        accepted = time.time()
        if status != 201:
            raise SystemExit(f"POST /api/v1/process answered {status}: {answer}")
        doc_id = answer["doc_id"]
        found = self.receiver.await_first(lambda body: body.get("type") in ("document.processed", "document.failed")
                                          and body.get("data", {}).get("doc_id") == doc_id, 600)
        if found is None:
            return None
        return b.parse_time(found[1]["timestamp"]) - accepted, found[1]


class Load:
    """Submitters that each keep one document in flight until stopped."""

    def __init__(self, client, names, submitters):
        self.client, self.names, self.submitters = client, names, submitters
        self.stopping = threading.Event()
        self.processed = 0
        self.threads = [threading.Thread(target=self.run, daemon=True) for _ in range(submitters)]

    def run(self):
        while not self.stopping.is_set():
            if self.client.submit_and_await(random.choice(self.names)) is not None:
                self.processed += 1

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        time.sleep(3)  # let the queue fill before the first probe
        return self

    def __exit__(self, *failure):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=600)


def phase(args, label, client, service, receiver, load):
    print(f"\n== {label}")
    service.reset_peak()
    since = time.time()
    to_processed = []
    started = time.monotonic()
    with load or _Nothing():
        for index in range(args.probes):
            time.sleep(random.uniform(0, args.pause_ms / 1000))
            outcome = client.submit_and_await("probe")
            if outcome is None:
                print(f"  probe {index + 1}: not processed within 600 s; left out")
                continue
            to_processed.append(outcome[0])
            print(f"  probe {index + 1:3d}: 201 -> {outcome[1]['type']} {outcome[0] * 1000:7.0f} ms")
    seconds = time.monotonic() - started
    deliveries = [arrived - b.parse_time(body["timestamp"]) for arrived, body in receiver.first_attempts().values()
                  if b.parse_time(body["timestamp"]) >= since]
    return {"phase": label, "to_processed_s": to_processed, "event_to_first_attempt_s": deliveries,
            "peak_rss_mib": service.peak_rss_mib(), "background_documents": load.processed if load else 0,
            "background_documents_per_second": (load.processed / seconds) if load else 0}


class _Nothing:
    def __enter__(self):
        return self

    def __exit__(self, *failure):
        return False


def report(args, phases, ready_seconds):
    rows = []
    for result in phases:
        for measure, key in (("201 -> document.processed", "to_processed_s"),
                             ("event -> first webhook attempt", "event_to_first_attempt_s")):
            values = result[key]
            result[key.replace("_s", "_ms")] = {"n": len(values), "p50": b.percentile(values, 50) * 1000,
                                                "p95": b.percentile(values, 95) * 1000,
                                                "max": max(values) * 1000} if values else None
            figures = result[key.replace("_s", "_ms")] or {}
            rows.append([result["phase"], measure, figures.get("n"), figures.get("p50"), figures.get("p95"),
                         figures.get("max"), result["peak_rss_mib"]])
    idle, loaded = phases
    b.print_table("Latency, milliseconds", ["instance", "measure", "n", "p50", "p95", "max", "peak RSS MiB"], rows)
    for key in ("to_processed_ms", "event_to_first_attempt_ms"):
        if idle[key] and loaded[key]:
            print(f"loaded / idle p50 {key}: {b.ratio(loaded[key]['p50'], idle[key]['p50']):.2f}")
    print(f"background load: {loaded['background_documents_per_second']:.2f} documents/s; "
          f"service start to ready {ready_seconds:.1f} s")
    b.write_results("latency", {"parameters": vars(args), "phases": phases, "service_ready_seconds": ready_seconds})


if __name__ == "__main__":
    sys.exit(main())
