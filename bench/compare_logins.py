#!/usr/bin/env python3
"""Login throughput of this checkout against an earlier revision, on the same machine at the same time.

Usage: bench/compare-logins REV [--rounds 3] [--seconds 10]

bench/run's ratio to the raw hash rate is the figure to follow from day to day; this answers "is the login as
fast as it was at REV?" directly. It builds REV in a temporary git worktree, then per round starts each server
as its README's run command does (the installed server with its jvm.options where the revision has them, else the
runnable jar with the JVM's defaults), warms it up with 60 s of logins at 8 connections and measures three runs of
`seconds`. Starts alternate, because throughput drifts on a shared host and differs from one JVM start to the
next. Prints the median logins/s (2xx) of each side and fails (exit 1) when this checkout's is more than 10 % below.
Targets 127.0.0.1 only; not part of CI.
"""
import argparse, datetime, json, os, shutil, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (start_server, stop_server, call, wrk, progress)

WARM_UP_RUNS = 6
MEASURED_RUNS = 3
CONNECTIONS = 8
TOLERANCE = 0.9


def measure(root, seconds):
    """A start of the checkout at root as its README runs it: the installed server where it has jvm.options,
    else the runnable jar with the JVM's defaults."""
    workdir = tempfile.mkdtemp(prefix="compare-logins-")
    jar = not os.path.exists(os.path.join(root, "jvm.options"))
    proc, base, _ = bench.start_server("h2", workdir, "", jar=jar, root=root)
    try:
        email = "compare-%d@example.com" % int(time.time() * 1000)
        status, body = bench.call(base, "POST", "/api/auth/signup", {"email": email, "password": bench.PASSWORD})
        assert status == 201, body
        options = {"script": "post.lua", "extra_env": {"BENCH_BODY": json.dumps({"email": email, "password": bench.PASSWORD})}}
        for _ in range(WARM_UP_RUNS):
            bench.wrk(base + "/api/auth/login", CONNECTIONS, 10, proc.pid, **options)
        return [bench.wrk(base + "/api/auth/login", CONNECTIONS, seconds, proc.pid, **options)["ok_rps"]
                for _ in range(MEASURED_RUNS)]
    finally:
        bench.stop_server(proc)
        shutil.rmtree(workdir, ignore_errors=True)


def compare(rev, rounds=3, seconds=10):
    """Medians of both sides and their ratio; written as JSON under bench/results/ too."""
    bench.ensure_wrk()
    commit = subprocess.run(["git", "rev-parse", "--short", rev], cwd=bench.ROOT, capture_output=True,
                            text=True, check=True).stdout.strip()
    tree = tempfile.mkdtemp(prefix="compare-logins-tree-")
    try:
        subprocess.run(["git", "worktree", "add", "--detach", "-q", tree, commit], cwd=bench.ROOT, check=True)
        bench.progress("building %s and this checkout" % commit)
        for root in (tree, bench.ROOT):
            subprocess.run(["mvn", "-q", "-B", "package", "-DskipTests"], cwd=root, check=True)
        sides = {commit: tree, "this checkout": bench.ROOT}
        runs = {name: [] for name in sides}
        for r in range(rounds):
            for name, root in sides.items():
                measured = measure(root, seconds)
                runs[name] += measured
                bench.progress("round %d of %d, %s: %s logins/s" % (r + 1, rounds, name, measured))
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", tree], cwd=bench.ROOT)
        shutil.rmtree(tree, ignore_errors=True)
    medians = {name: statistics.median(v) for name, v in runs.items()}
    result = {"rev": commit, "connections": CONNECTIONS, "seconds_per_run": seconds, "runs": runs,
              "medians": medians, "ratio": round(medians["this checkout"] / medians[commit], 3), "tolerance": TOLERANCE}
    out = os.path.join(bench.ROOT, "bench", "results", "compare-logins-%s-%s.json" % (
        commit, datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")))
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        json.dump(result, f, indent=2)
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rev", help="the git revision to compare with")
    parser.add_argument("--rounds", type=int, default=3, help="starts of each server")
    parser.add_argument("--seconds", type=int, default=10, help="duration of each measured run")
    args = parser.parse_args()
    result = compare(args.rev, args.rounds, args.seconds)
    commit = result["rev"]
    print("\nLogins/s (2xx) at %d connections on H2, median of %d runs of %d s after a warm-up, starts alternated:"
          % (CONNECTIONS, len(result["runs"][commit]), args.seconds))
    for name, runs in result["runs"].items():
        print("  %-14s %6.1f  (%s)" % (name, result["medians"][name], ", ".join("%.1f" % v for v in runs)))
    met = result["ratio"] >= TOLERANCE
    print("  this checkout / %s = %.3f  [%s] within 10 %%" % (commit, result["ratio"], "met" if met else "MISSED"))
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
