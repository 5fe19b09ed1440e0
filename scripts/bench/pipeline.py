#!/usr/bin/env python3
"""Pipeline throughput: pages per second through fetch, text layers and extraction, against the
bare tools on the same files in the same run.

Started by pipeline.sh. One instance (KLAREFI_ROLES=api,jobs, default workers) on a scratch
database of the local PostgreSQL. After an unmeasured warm-up pass, service and baseline alternate
for --rounds passes and the median pass of each is reported. All documents of a pass are
submitted at once (one case each), served from 127.0.0.1; a pass ends with the last document.processed (or failed) webhook, and its
time runs from the first 201 to the latest event timestamp. Baselines run with as many parallel
processes as the machine has cores:
  born-digital PDFs  vs  pdftotext FILE -            (poppler-utils)
  scanned images     vs  tesseract IMG - -l LANGS --psm 3 tsv   (OMP_THREAD_LIMIT=1, the service's command)
Reports numbers only; never fails on a time.
"""

import argparse
import concurrent.futures
import os
import secrets
import statistics
import subprocess
import sys
import time

import benchlib as b

TERMINAL = ("document.processed", "document.failed")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=b.CORPUS)
    parser.add_argument("--pdfs", type=int, default=60, help="born-digital PDFs (default 60; 0 = all)")
    parser.add_argument("--scans", type=int, default=12, help="scanned images (default 12; 0 skips OCR)")
    parser.add_argument("--languages", default="nld+eng", help="OCR languages (the service's default)")
    parser.add_argument("--bundle", type=int, default=10,
                        help="also run the PDFs joined (pdfunite) into documents of this many files, to separate"
                             " per-document from per-page cost (default 10; 0 skips)")
    parser.add_argument("--warmup-rounds", type=int, default=1,
                        help="unmeasured passes over each phase's documents first, so the JIT is warm (default 1)")
    parser.add_argument("--warmup-seconds", type=float, default=60,
                        help="keep making unmeasured passes until this long has gone by (default 60): the JIT"
                             " compiler keeps working for about a minute of load, and its CPU is not the steady state's")
    parser.add_argument("--repeat", type=int, default=3,
                        help="each born-digital pass submits its files this many times (default 3), so a pass lasts"
                             " seconds rather than a fraction of one, for the service and the baseline alike")
    parser.add_argument("--rounds", type=int, default=3,
                        help="measured passes per phase, service and baseline alternating; medians reported (default 3)")
    parser.add_argument("--parallel", type=int, default=os.cpu_count(), help="baseline processes (default: cores)")
    parser.add_argument("--phases", default="born-digital,joined,ocr",
                        help="which phases to run, comma-separated (default: born-digital,joined,ocr); the first"
                             " phase that runs carries the JIT's warm-up")
    parser.add_argument("--workers", type=int, default=0,
                        help="the service's KLAREFI_JOBS_WORKERS (default 0: the service's default)")
    args = parser.parse_args()
    phases_wanted = {phase.strip() for phase in args.phases.split(",") if phase.strip()}
    unknown = phases_wanted - {"born-digital", "joined", "ocr"}
    if unknown:
        parser.error(f"unknown phases {sorted(unknown)}; known: born-digital, joined, ocr")
    b.require_tools("pdftotext", "pdfinfo", "pdfunite", "tesseract", "psql")
    pdfs, scans = corpus_files(args)
    workdir = b.workdir("pipeline")
    bundles = bundled(pdfs, args.bundle, workdir) if args.bundle > 1 and "joined" in phases_wanted else []
    pdfs = pdfs if "born-digital" in phases_wanted else []
    scans = scans if "ocr" in phases_wanted else []
    database = b.ScratchDatabase("klarefi_bench_pipeline")
    files = b.FileServer.of_files({name: path for name, path, _ in pdfs + bundles + scans})
    receiver = b.WebhookReceiver()
    service = None
    try:
        settings = database.service_settings()
        if args.workers:
            settings["KLAREFI_JOBS_WORKERS"] = str(args.workers)
        service = b.Service(workdir, "service", settings)
        service.start()
        org_id, key = service.create_organisation("Pipeline benchmark")
        b.subscribe(service, org_id, receiver.url, TERMINAL)
        phases = []
        # The JIT's warm-up is the JVM's, not a phase's: the first phase carries it for the others.
        warmup_until = time.monotonic() + args.warmup_seconds
        for label, documents, baseline in (("born-digital", pdfs, pdftotext_command),
                                           (f"born-digital, {args.bundle} PDFs joined", bundles, pdftotext_command),
                                           ("OCR (scanned images)", scans, tesseract_command(args.languages))):
            if not documents:
                continue
            if baseline is pdftotext_command:
                documents = documents * max(1, args.repeat)
            passes = 0
            while passes < args.warmup_rounds or time.monotonic() < warmup_until:
                through_service(service, key, files, receiver, documents)
                passes += 1
            rounds = []
            for _ in range(args.rounds):  # alternating, so a neighbour's burst on the machine hits both
                rounds.append((through_service(service, key, files, receiver, documents),
                               through_tool(documents, baseline, args.parallel)))
            measured, bare = (median_round([pair[side] for pair in rounds]) for side in (0, 1))
            # The median of the rounds' ratios: each round's pair ran back to back on the shared machine.
            ratio = statistics.median(pair[0]["pages_per_second"] / pair[1]["pages_per_second"] for pair in rounds)
            phases.append(dict(phase=label, documents=len(documents), pages=sum(p for _, _, p in documents),
                               service=measured, baseline=bare, ratio=ratio))
            print(f"  {label}: service {measured['pages_per_second']:.2f} pages/s, "
                  f"{bare['tool']} {bare['pages_per_second']:.2f} pages/s")
        report(args, phases, service.ready_seconds)
    finally:
        if service:
            service.stop()
        files.close()
        receiver.close()
        database.drop()


def corpus_files(args):
    """(name, path, pages) of the born-digital PDFs and the scanned images, in manifest order."""
    pdfs = b.corpus_documents("born_digital", args.corpus)[:args.pdfs or None]
    scans = b.corpus_documents("scan_image", args.corpus)[:args.scans]
    return [(name, path, pdf_pages(path)) for name, path in pdfs], [(name, path, 1) for name, path in scans]


def bundled(pdfs, size, workdir):
    """The PDFs joined into documents of `size` files each (pdfunite), as (name, path, pages)."""
    bundles = []
    for start in range(0, len(pdfs) - size + 1, size):
        group = pdfs[start:start + size]
        name = f"bundle-{start // size:03d}.pdf"
        path = os.path.join(workdir, name)
        subprocess.run(["pdfunite", *[p for _, p, _ in group], path], check=True, capture_output=True)
        bundles.append((name, path, pdf_pages(path)))
    return bundles


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def through_service(service, key, files, receiver, documents):
    before = len(receiver.first_attempts())
    service.reset_peak()
    cpu_before, postgres_before, stages_before = service.cpu_seconds(), b.processes_cpu_seconds("postgres"), stage_seconds(service)
    harness_before = harness_cpu_seconds()
    started = time.time()
    for name, _, _ in documents:
        status, answer = b.request("POST", service.base_url + "/api/v1/process", key, {
            "document_url": files.url(name, unique=secrets.token_hex(4)), "case_type_id": "motor_claim",
            "idempotency_key": secrets.token_hex(16)})
        if status != 201:
            raise SystemExit(f"POST /api/v1/process answered {status}: {answer}")
    expected = before + len(documents)
    deadline = time.monotonic() + 1800
    while len(receiver.first_attempts()) < expected and time.monotonic() < deadline:
        time.sleep(0.2)
    events = sorted(receiver.first_attempts().values(), key=lambda item: b.parse_time(item[1]["timestamp"]))[before:]
    finished = max(b.parse_time(body["timestamp"]) for _, body in events)
    failed = sum(1 for _, body in events if body["type"] == "document.failed")
    seconds = finished - started
    pages = sum(p for _, _, p in documents)
    return {"seconds": seconds, "pages_per_second": pages / seconds, "failed": failed,
            "missing": expected - len(receiver.first_attempts()), "peak_rss_mib": service.peak_rss_mib(),
            "service_cpu_seconds": service.cpu_seconds() - cpu_before,
            "postgres_cpu_seconds": b.processes_cpu_seconds("postgres") - postgres_before,
            "harness_cpu_seconds": harness_cpu_seconds() - harness_before,
            "stage_seconds_per_document": {stage: (total - stages_before.get(stage, (0, 0))[0])
                                           / max(1, count - stages_before.get(stage, (0, 0))[1])
                                           for stage, (total, count) in stage_seconds(service).items()}}


def harness_cpu_seconds():
    """CPU of this script (its file server, submitter and webhook receiver share the cores with the service)."""
    times = os.times()
    return times.user + times.system


def stage_seconds(service):
    """stage -> (seconds, count) from the service's klarefi_document_stage_seconds histogram."""
    status, text = b.request_text(service.admin_url + "/metrics")
    figures = {}
    for line in text.splitlines() if status == 200 else []:
        for suffix, index in (("_sum", 0), ("_count", 1)):
            if line.startswith("klarefi_document_stage_seconds" + suffix + "{"):
                stage = line.split('stage="', 1)[1].split('"', 1)[0]
                figures.setdefault(stage, [0.0, 0])[index] = float(line.rsplit(" ", 1)[1])
    return {stage: tuple(values) for stage, values in figures.items()}


def median_round(rounds):
    """The round with the median pages/s (the lower middle one for an even count), all rounds' rates."""
    ordered = sorted(rounds, key=lambda figures: figures["pages_per_second"])
    return dict(ordered[(len(ordered) - 1) // 2], rounds_pages_per_second=[r["pages_per_second"] for r in rounds])


def pdftotext_command(path):
    return ["pdftotext", path, "-"]


def tesseract_command(languages):
    return lambda path: ["tesseract", path, "-", "-l", languages, "--psm", "3", "tsv"]


def through_tool(documents, command_of, parallel):
    environment = dict(os.environ, OMP_THREAD_LIMIT="1")

    def run(path):
        subprocess.run(command_of(path), env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=True)

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(parallel) as pool:
        list(pool.map(run, [path for _, path, _ in documents]))
    seconds = time.monotonic() - started
    return {"tool": command_of("FILE")[0], "parallel": parallel, "seconds": seconds,
            "pages_per_second": sum(p for _, _, p in documents) / seconds}


def report(args, phases, ready_seconds):
    rows = []
    for phase in phases:
        measured, bare = phase["service"], phase["baseline"]
        rows.append([phase["phase"], phase["documents"], phase["pages"], measured["pages_per_second"],
                     f"{bare['tool']} x{bare['parallel']}", bare["pages_per_second"], phase["ratio"],
                     measured["failed"], measured["peak_rss_mib"]])
    b.print_table("Pipeline throughput: fetch + text layers + extraction to document.processed",
                  ["phase", "docs", "pages", "service pages/s", "baseline", "baseline pages/s", "ratio (median of rounds)", "failed",
                   "peak RSS MiB"], rows)
    b.print_table("Where the service's time goes (per page; CPU of the service's JVM, of all postgres processes and of"
                  " this benchmark's own servers)",
                  ["phase", "wall ms/page", "JVM CPU ms/page", "postgres CPU ms/page", "harness CPU ms/page",
                   "fetch ms/doc", "text ms/doc", "extract ms/doc", "baseline CPU-bound ms/page"],
                  [[p["phase"], 1000 / p["service"]["pages_per_second"],
                    1000 * p["service"]["service_cpu_seconds"] / p["pages"],
                    1000 * p["service"]["postgres_cpu_seconds"] / p["pages"],
                    1000 * p["service"]["harness_cpu_seconds"] / p["pages"],
                    *(1000 * p["service"]["stage_seconds_per_document"].get(stage, 0)
                      for stage in ("fetch", "text", "extract")),
                    1000 * p["baseline"]["parallel"] / p["baseline"]["pages_per_second"]] for p in phases])
    print(f"\ntargets: born-digital >= 0.50, OCR >= 0.90; service start to ready {ready_seconds:.1f} s")
    b.write_results("pipeline", {"parameters": vars(args), "phases": phases, "service_ready_seconds": ready_seconds,
                                 "targets": {"born-digital": 0.5, "OCR (scanned images)": 0.9}})


if __name__ == "__main__":
    sys.exit(main())
