#!/usr/bin/env python3
"""Prints the figures of the latest run of each benchmark (bench-results/*-latest.json) as one
table, in the shape of docs/benchmarks.md, and writes bench-results/summary-latest.json."""

import argparse
import json
import os
import sys

import benchlib as b


def load(name):
    path = os.path.join(b.RESULTS_DIR, f"{name}-latest.json")
    if not os.path.exists(path):
        return None
    with open(path) as source:
        return json.load(source)


def rows():
    http, intake, pipeline, latency, startup = (load(n) for n in ("http-layer", "intake", "pipeline", "latency",
                                                                    "startup"))
    stages = load("pipeline-stages")
    if http:
        s = http["summary"]
        yield ("HTTP: GET /api/v1/me req/s", s["service"]["requests_per_second"], "bare Helidon route",
               s["bare"]["requests_per_second"], http["ratio_requests_per_second"], ">= 0.50")
        for p in ("p50_ms", "p99_ms"):
            yield (f"HTTP: GET /api/v1/me {p}", s["service"][p], "bare Helidon route", s["bare"][p],
                   b.ratio(s["service"][p], s["bare"][p]), "")
    if intake:
        s = intake["summary"]
        yield ("Intake: accepted POST /process per s", s["service"]["requests_per_second"], "pgbench, same writes",
               s["pgbench"]["requests_per_second"], intake["ratio_per_second"], "")
        for p in ("p50_ms", "p99_ms"):
            yield (f"Intake: POST /process {p}", s["service"][p], "pgbench, same writes", s["pgbench"][p],
                   b.ratio(s["service"][p], s["pgbench"][p]), "")
    for phase in (pipeline or {}).get("phases", []):
        target = pipeline["targets"].get(phase["phase"])
        yield (f"Pipeline pages/s: {phase['phase']}", phase["service"]["pages_per_second"],
               f"{phase['baseline']['tool']} x{phase['baseline']['parallel']}", phase["baseline"]["pages_per_second"],
               phase["ratio"], f">= {target:.2f}" if target else "")
    if stages:
        median = sorted(stages["pipeline_pages_per_second"])[(len(stages["pipeline_pages_per_second"]) - 1) // 2]
        tool = sorted(stages["pdftotext_pages_per_second"])[(len(stages["pdftotext_pages_per_second"]) - 1) // 2]
        yield ("Pipeline stages only (fetch + text + extract, one JVM) pages/s", median,
               f"pdftotext x{stages['parameters']['threads']}", tool, stages["ratio"], ">= 0.50")
    if latency:
        idle, loaded = latency["phases"]
        for key, label in (("to_processed_ms", "201 -> document.processed"),
                           ("event_to_first_attempt_ms", "event -> first webhook attempt")):
            for p in ("p50", "p95"):
                if idle[key] and loaded[key]:
                    yield (f"Latency {label} {p} ms, loaded", loaded[key][p], "same, idle", idle[key][p],
                           b.ratio(loaded[key][p], idle[key][p]), "")
    if startup:
        s = startup["summary"]
        for kind, figures in s.items():
            if kind != "bare Helidon":
                yield (f"Start to ready s: {kind}", figures["seconds"], "bare Helidon", s["bare Helidon"]["seconds"],
                       b.ratio(figures["seconds"], s["bare Helidon"]["seconds"]), "")
    memory = [("HTTP load", http and http["summary"]["service"]["peak_rss_mib"]),
              ("intake load", intake and intake["service_peak_rss_mib"])]
    memory += [(f"pipeline {p['phase']}", p["service"]["peak_rss_mib"]) for p in (pipeline or {}).get("phases", [])]
    memory += [(f"latency {p['phase']}", p["peak_rss_mib"]) for p in (latency or {}).get("phases", [])]
    idle_rss = startup and startup["summary"]["service, external PostgreSQL"]["idle_rss_mib"]
    for label, peak in memory:
        if peak:
            yield (f"Peak RSS MiB: {label}", peak, "service idle after start", idle_rss, b.ratio(peak, idle_rss), "")


def main():
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
                            epilog=f"Reads and writes {b.RESULTS_DIR} (KLAREFI_BENCH_RESULTS sets another folder).").parse_args()
    table = list(rows())
    b.print_table("Klarefi benchmarks (latest run of each; ratio = measured / baseline)",
                  ["figure", "measured", "baseline", "baseline value", "ratio", "target"], [list(r) for r in table])
    os.makedirs(b.RESULTS_DIR, exist_ok=True)
    with open(os.path.join(b.RESULTS_DIR, "summary-latest.json"), "w") as out:
        json.dump([dict(zip(("figure", "measured", "baseline", "baseline_value", "ratio", "target"), r)) for r in table],
                  out, indent=2)


if __name__ == "__main__":
    sys.exit(main())
