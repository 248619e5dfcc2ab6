#!/usr/bin/env python3
"""Times the stats endpoint on a large audit trail.

Usage: bench/stats [--db h2|mariadb] [--events 1000000] [--days 7] [--calls 5]
Starts the runnable server once to create the schema, stops it, loads the events with INSERT ... SELECT over
a row generator (MariaDB's sequence engine: one statement; H2's SYSTEM_RANGE: one per 50,000 rows), starts it again and times the console's
queries: the last hour per minute, the last day per hour, the whole week per hour, 30 days per day.
"""
import argparse, glob, json, os, shutil, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import JAR, ROOT, call, start_server, stop_server  # noqa: E402

ADMIN_EMAIL = "bench-admin@example.com"
ADMIN_PASSWORD = "bench admin password 123"
H2_JAR = os.path.expanduser("~/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar")
DAY_MS = 86400 * 1000
CHUNK = 50_000

# One row per generated number n: a mix like a busy service's (per 200: 100 logins of which 20 fail, 70 token
# refreshes, 10 signups, 10 rate-limited calls, 6 lockouts, 4 refresh-token reuses), spread over the period.
SELECT = """
SELECT CASE WHEN MOD(n, 200) < 100 THEN 'LOGIN' WHEN MOD(n, 200) < 170 THEN 'TOKEN_REFRESH'
            WHEN MOD(n, 200) < 180 THEN 'SIGNUP' WHEN MOD(n, 200) < 190 THEN 'RATE_LIMITED'
            WHEN MOD(n, 200) < 196 THEN 'ACCOUNT_LOCKED' ELSE 'REFRESH_TOKEN_REUSE' END,
       CASE WHEN MOD(n, 200) < 20 OR MOD(n, 200) >= 180 THEN 'FAILURE' ELSE 'SUCCESS' END,
       CONCAT('bench-', MOD(n, 5000), '@example.com'),
       CONCAT('198.51.100.', MOD(n, 250)),
       'bench',
       {now} - MOD(n * 104729, {span})
FROM {rows}
"""
COLUMNS = "INSERT INTO auth_events (type, outcome, email, ip, user_agent, occurred_at) "


def log(message):
    print("[%s] %s" % (time.strftime("%H:%M:%S"), message), flush=True)


def load_h2(workdir, events, now, span):
    files = glob.glob(os.path.join(workdir, "output", "*", "data", "auth.mv.db"))
    if not files:
        sys.exit("no H2 database under " + workdir)
    url = "jdbc:h2:" + files[0][: -len(".mv.db")] + ";MODE=LEGACY"
    # in statements of CHUNK rows, each committed on its own: H2 keeps a transaction's undo log in its file, and
    # one transaction of a million rows grows it to gigabytes
    sql = ";".join(
        COLUMNS + SELECT.format(now=now, span=span, rows="(SELECT X AS n FROM SYSTEM_RANGE(%d, %d)) r" % (
            first, min(first + CHUNK - 1, events)))
        for first in range(1, events + 1, CHUNK))
    subprocess.run(["java", "-cp", H2_JAR, "org.h2.tools.Shell", "-url", url, "-user", "sa", "-password", "",
                    "-sql", sql], check=True, stdout=subprocess.DEVNULL)


def load_mariadb(database, events, now, span):
    sql = COLUMNS + SELECT.format(now=now, span=span, rows="(SELECT seq AS n FROM seq_1_to_%d) r" % events)
    subprocess.run(["mariadb", "-h", "127.0.0.1", "-u", "root", database, "-e", sql], check=True)


def count_rows(base, token, since_ms, until_ms):
    status, body = call(base, "GET", "/api/admin/auth-events/stats?bucket=P1D&since=%s&until=%s" % (
        iso(since_ms), iso(until_ms)), token=token)
    assert status == 200, body
    return sum(sum(item["counts"].values()) for item in json.loads(body)["items"])


def iso(millis):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(millis / 1000)) + ".%03dZ" % (millis % 1000)


def timed(base, token, query, calls):
    times = []
    body = None
    for _ in range(calls):
        started = time.monotonic()
        status, body = call(base, "GET", "/api/admin/auth-events/stats?" + query, token=token)
        times.append((time.monotonic() - started) * 1000)
        assert status == 200, body
    answer = json.loads(body)
    counted = sum(sum(item["counts"].values()) for item in answer["items"])
    return times, len(answer["items"]), counted


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="h2", choices=["h2", "mariadb"])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=7, help="the events are spread over this many days back")
    parser.add_argument("--calls", type=int, default=5, help="timed calls per query (after one untimed)")
    parser.add_argument("--jvm", default="-Xmx256m -XX:+UseSerialGC")
    args = parser.parse_args()
    if not os.path.exists(JAR):
        log("building the runnable jar (mvn package)")
        subprocess.run(["mvn", "-B", "-q", "-ntp", "-DskipTests", "package"], cwd=ROOT, check=True)
    workdir = tempfile.mkdtemp(prefix="auth-bench-stats-")
    os.environ.update(AUTH_ADMIN_EMAIL=ADMIN_EMAIL, AUTH_ADMIN_PASSWORD=ADMIN_PASSWORD)
    database = None
    if args.db == "mariadb":
        database = "auth_bench_stats_%d" % os.getpid()
        os.environ["AUTH_DB_NAME"] = database

    log("starting the server on %s to create the schema (work folder %s)" % (args.db, workdir))
    proc, base, _ = start_server(args.db, workdir, args.jvm)
    port = int(base.rsplit(":", 1)[1])
    stop_server(proc)

    now = int(time.time() * 1000)
    span = args.days * DAY_MS
    log("inserting %d events over the last %d days with INSERT ... SELECT" % (args.events, args.days))
    started = time.monotonic()
    if args.db == "h2":
        load_h2(workdir, args.events, now, span)
    else:
        load_mariadb(database, args.events, now, span)
    log("inserted in %.1f s" % (time.monotonic() - started))

    log("starting the server again")
    proc, base, ready_s = start_server(args.db, workdir, args.jvm, port=port)
    results = []
    try:
        status, body = call(base, "POST", "/api/auth/login", {"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
        assert status == 200, body
        token = json.loads(body)["access_token"]
        total = count_rows(base, token, now - span - DAY_MS, now + 1)
        log("the stats endpoint counts %d events in the period" % total)
        until = now + 1
        queries = [
            ("last hour per minute", "PT1M", until - 3600 * 1000),
            ("last day per hour", "PT1H", until - DAY_MS),
            ("last week per hour", "PT1H", until - 7 * DAY_MS),
            ("last 30 days per day", "P1D", until - 30 * DAY_MS),
        ]
        for name, bucket, since in queries:
            query = "bucket=%s&since=%s&until=%s" % (bucket, iso(since), iso(until))
            first, _, _ = timed(base, token, query, 1)
            times, buckets, counted = timed(base, token, query, args.calls)
            results.append((name, bucket, buckets, counted, first[0], statistics.median(times), max(times)))
            log("%s: %d buckets, %d events, first %.0f ms, median %.0f ms" % (
                name, buckets, counted, first[0], statistics.median(times)))
    finally:
        stop_server(proc)
        if database:
            subprocess.run(["mariadb", "-h", "127.0.0.1", "-u", "root", "-e", "DROP DATABASE " + database])
        shutil.rmtree(workdir, ignore_errors=True)

    print()
    print("GET /api/admin/auth-events/stats on %s, %d events over %d days (one grouped query per call)" % (
        args.db, args.events, args.days))
    print("%-22s %-6s %8s %10s %10s %10s %10s" % ("range", "bucket", "buckets", "events", "first ms", "median ms",
                                                  "max ms"))
    for name, bucket, buckets, counted, first, median, most in results:
        print("%-22s %-6s %8d %10d %10.0f %10.0f %10.0f" % (name, bucket, buckets, counted, first, median, most))


if __name__ == "__main__":
    main()
