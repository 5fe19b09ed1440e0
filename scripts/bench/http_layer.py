#!/usr/bin/env python3
"""HTTP layer: authenticated GET /api/v1/me on the service against a bare Helidon SE route.

Started by http-layer.sh. Both servers run from the same jar with the same JVM flags
(KLAREFI_JAVA_OPTS) on 127.0.0.1; wrk loads them in alternating rounds so that a neighbour's burst
on the shared machine hits both alike. Requests rotate through the keys of --organisations
organisations whose rate limits are raised for the run through the admin API. Reports requests/s, p50/p99 and the ratio service/bare; never fails on a time.
"""

import argparse
import os
import statistics
import sys

import benchlib as b

ROTATING_KEYS = """
local keys = {{{keys}}}
local requests = {{}}
function init(args)
  for index, key in ipairs(keys) do
    requests[index] = wrk.format("GET", nil, {{["Authorization"] = "Bearer " .. key}})
  end
end
local counter = 0
function request()
  counter = counter + 1
  return requests[(counter % #requests) + 1]
end
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10, help="duration of one measured round (default 10)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per server (default 3)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (default 16)")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (default 1: the machine has few cores)")
    parser.add_argument("--organisations", type=int, default=4,
                        help="organisations whose keys the requests rotate through; one organisation's limit is at"
                             " most 1,000,000 a minute, less than the service serves here (default 4)")
    parser.add_argument("--warmup", type=int, default=15,
                        help="unmeasured seconds per server first; the service has much more to compile (default 15)")
    args = parser.parse_args()
    b.require_tools("wrk", "psql")
    workdir = b.workdir("http")
    database = b.ScratchDatabase("klarefi_bench_http")
    bare = service = None
    try:
        bare_port = b.free_port()
        bare = b.bare_helidon(workdir, bare_port)
        bare_url = f"http://127.0.0.1:{bare_port}/api/v1/me"
        bare.await_http(bare_url, name="bare Helidon")
        service = b.Service(workdir, "service", database.service_settings())
        service.start()
        keys = [service.create_organisation(f"HTTP benchmark {index}")[1] for index in range(args.organisations)]
        service_url = service.base_url + "/api/v1/me"
        # Both servers get the same requests (the bare route ignores the key), built by the same script.
        lua = ROTATING_KEYS.format(keys=", ".join(f'"{key}"' for key in keys))
        print(f"bare: {bare_url}; service: {service_url}; {args.rounds} rounds of {args.seconds} s, "
              f"{args.connections} connections, {args.threads} wrk thread(s); logs in {workdir}")
        for url in (bare_url, service_url):
            b.wrk(url, args.warmup, args.connections, args.threads, lua=lua)
        rounds = {"bare": [], "service": []}
        peaks = {"bare": 0, "service": 0}
        for number in range(args.rounds):
            for name, process, url in (("bare", bare, bare_url), ("service", service, service_url)):
                process.reset_peak()
                figures = b.wrk(url, args.seconds, args.connections, args.threads, lua=lua)
                peaks[name] = max(peaks[name], process.peak_rss_mib() or 0)
                rounds[name].append(figures)
                print(f"  round {number + 1} {name:<8} {figures['requests_per_second']:9.0f} req/s  "
                      f"p50 {figures['p50_ms']:6.2f} ms  p99 {figures['p99_ms']:7.2f} ms  errors {figures['errors']}")
        layers = ablation(args, service, bare_url, lua) if args.seconds else {}
        report(args, rounds, peaks, service.ready_seconds, layers)
    finally:
        for process in (service, bare):
            if process:
                process.stop()
        database.drop()


def ablation(args, service, bare_url, lua):
    """Where the service's time goes: the same load on answers that stop at each layer (one round each)."""
    steps = {
        "bare Helidon route": (bare_url, lua),
        "service, unknown route (request id, access log, error envelope)": (service.base_url + "/api/v1/no-such", ""),
        "service, /me without a key (+ authentication, 401)": (service.base_url + "/api/v1/me", ""),
        "service, /me (+ rate limit, handler, JSON)": (service.base_url + "/api/v1/me", lua),
    }
    layers = {}
    for label, (url, script) in steps.items():
        figures = b.wrk(url, args.seconds, args.connections, args.threads, lua=script)
        layers[label] = figures["requests_per_second"]
    return layers


def median_of(rounds, field):
    return statistics.median(figures[field] for figures in rounds)


def report(args, rounds, peaks, ready_seconds, layers):
    summary = {name: {field: median_of(values, field) for field in ("requests_per_second", "p50_ms", "p99_ms")}
               for name, values in rounds.items()}
    for name in summary:
        summary[name]["errors"] = sum(figures["errors"] for figures in rounds[name])
        summary[name]["peak_rss_mib"] = peaks[name]
    # Each round measures both servers back to back; the median of the rounds' ratios is the least
    # disturbed by neighbours on a shared machine.
    throughput = statistics.median(b.ratio(service["requests_per_second"], bare["requests_per_second"])
                                   for service, bare in zip(rounds["service"], rounds["bare"]))
    rows = [[name, figures["requests_per_second"], figures["p50_ms"], figures["p99_ms"], figures["errors"],
             figures["peak_rss_mib"]] for name, figures in summary.items()]
    rows.append(["service / bare (median of round ratios)", throughput, b.ratio(summary["service"]["p50_ms"], summary["bare"]["p50_ms"]),
                 b.ratio(summary["service"]["p99_ms"], summary["bare"]["p99_ms"]), None, None])
    b.print_table("GET /api/v1/me (authenticated, rate limited) vs a bare Helidon route, median of rounds",
                  ["server", "req/s", "p50 ms", "p99 ms", "errors", "peak RSS MiB"], rows)
    if layers:
        bare_rate = next(iter(layers.values()))
        b.print_table("Layers, one round each (error answers count as requests here)", ["answer", "req/s", "x bare"],
                      [[label, rate, b.ratio(rate, bare_rate)] for label, rate in layers.items()])
    print(f"\nthroughput ratio {throughput:.2f} (target >= 0.50); service start to ready {ready_seconds:.1f} s")
    b.write_results("http-layer", {"parameters": vars(args), "rounds": rounds, "summary": summary,
                                   "ratio_requests_per_second": throughput, "target_ratio": 0.5,
                                   "service_ready_seconds": ready_seconds, "layers_requests_per_second": layers})


if __name__ == "__main__":
    sys.exit(main())
