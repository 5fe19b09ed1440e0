#!/usr/bin/env python3
"""Start time to ready and idle memory of the service against a bare Helidon SE server from the
same jar with the same JVM flags.

Started by startup.sh. Each start is timed from the process's launch to its first 200: the bare
route for the baseline, the admin surface's readiness check (database answering) for the service.
Service starts: embedded PostgreSQL on a fresh data directory (initdb included), embedded again on
that data directory, and an external PostgreSQL (a scratch database on 127.0.0.1:5432). Idle RSS
is read once ready. Reports the median of --runs starts; never fails on a time.
"""

import argparse
import os
import shutil
import statistics
import sys
import time

import benchlib as b


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="starts per kind (default 3)")
    args = parser.parse_args()
    b.require_tools("psql")
    workdir = b.workdir("startup")
    results = {"bare Helidon": [], "service, embedded PostgreSQL, first start": [],
               "service, embedded PostgreSQL, restart": [], "service, external PostgreSQL": []}
    try:
        for run in range(args.runs):
            results["bare Helidon"].append(bare(workdir))
            name = f"embedded-{run}"
            results["service, embedded PostgreSQL, first start"].append(service(workdir, name, {}))
            results["service, embedded PostgreSQL, restart"].append(service(workdir, name, {}))
            shutil.rmtree(os.path.join(workdir, name + "-data"), ignore_errors=True)
            database = b.ScratchDatabase("klarefi_bench_start")
            try:
                results["service, external PostgreSQL"].append(service(workdir, f"external-{run}",
                                                                       database.service_settings()))
            finally:
                database.drop()
            print(f"  run {run + 1}: " + ", ".join(f"{k} {v[-1]['seconds']:.1f} s" for k, v in results.items()))
        report(args, results)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def bare(workdir):
    port = b.free_port()
    process = b.bare_helidon(workdir, port)
    try:
        seconds = process.await_http(f"http://127.0.0.1:{port}/api/v1/me", name="bare Helidon")
        time.sleep(1)
        return {"seconds": seconds, "idle_rss_mib": process.peak_rss_mib()}
    finally:
        process.stop()


def service(workdir, name, settings):
    process = b.Service(workdir, name, settings)
    try:
        seconds = process.start()
        time.sleep(1)
        return {"seconds": seconds, "idle_rss_mib": process.peak_rss_mib()}
    finally:
        process.stop()


def report(args, results):
    summary = {kind: {field: statistics.median(run[field] for run in runs) for field in ("seconds", "idle_rss_mib")}
               for kind, runs in results.items()}
    bare_figures = summary["bare Helidon"]
    rows = [[kind, figures["seconds"], b.ratio(figures["seconds"], bare_figures["seconds"]), figures["idle_rss_mib"],
             b.ratio(figures["idle_rss_mib"], bare_figures["idle_rss_mib"])] for kind, figures in summary.items()]
    b.print_table(f"Start to ready and peak RSS once ready, median of {args.runs}",
                  ["what", "seconds", "x bare", "peak RSS MiB", "x bare"], rows)
    b.write_results("startup", {"parameters": vars(args), "runs": results, "summary": summary})


if __name__ == "__main__":
    sys.exit(main())
