#!/usr/bin/env python3
"""Soak run: one server under a steady mixed load (signups, logins, refreshes, /me) for a bounded time.

Usage: bench/soak [--minutes 30] [--window 5] [--db h2|mariadb] [--share 0.5]

First measures the capacity of the mix for 30 s with 8 clients, then offers `share` of it at a fixed
rate for `minutes`. Every `window` minutes it prints, per endpoint, the count, errors and p99, and the
server's RSS, live heap (what a full GC leaves, from jcmd's class histogram) and GC pauses. Fails (exit 1)
when, compared with the end of the first window, RSS or live heap grew by more than 10%, or an endpoint's p99
doubled.
Targets 127.0.0.1 only; not part of CI.
"""
import argparse, json, os, random, re, subprocess, sys, tempfile, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (start_server, stop_server, call, rss_mib)

MIX = [("signup", 0.05), ("login", 0.20), ("refresh", 0.25), ("me", 0.50)]
JVM_OPTIONS = "-Xmx256m -XX:+UseSerialGC"
GROWTH_LIMIT = 1.10
P99_LIMIT = 2.0


class Client:
    """One account with its tokens; requests are serialised per client (a refresh chain is sequential)."""

    def __init__(self, base, n):
        self.base, self.lock = base, threading.Lock()
        self.email = "soak-%d-%d@bench.example" % (os.getpid(), n)
        status, body = bench.call(base, "POST", "/api/auth/signup", {"email": self.email, "password": bench.PASSWORD})
        if status != 201:
            sys.exit("signup of a soak client failed: %d %s" % (status, body))
        self.take(body)

    def take(self, body):
        tokens = json.loads(body)
        self.access, self.refresh = tokens["access_token"], tokens["refresh_token"]

    def request(self, endpoint):
        with self.lock:
            if endpoint == "signup":
                email = "soak-%d-%d@bench.example" % (os.getpid(), random.getrandbits(48))
                return bench.call(self.base, "POST", "/api/auth/signup", {"email": email, "password": bench.PASSWORD})[0]
            if endpoint == "login":
                return bench.call(self.base, "POST", "/api/auth/login", {"email": self.email, "password": bench.PASSWORD})[0]
            if endpoint == "refresh":
                status, body = bench.call(self.base, "POST", "/api/auth/refresh", {"refresh_token": self.refresh})
                if status == 200:
                    self.take(body)
                return status
            return bench.call(self.base, "GET", "/api/auth/me", token=self.access)[0]


class Recorder:
    def __init__(self):
        self.lock, self.samples = threading.Lock(), []

    def add(self, endpoint, status, millis):
        with self.lock:
            self.samples.append((endpoint, status, millis))

    def drain(self):
        with self.lock:
            taken, self.samples = self.samples, []
        return taken


def pick():
    r, acc = random.random(), 0.0
    for endpoint, weight in MIX:
        acc += weight
        if r < acc:
            return endpoint
    return MIX[-1][0]


def timed(client, endpoint, recorder):
    started = time.monotonic()
    try:
        status = client.request(endpoint)
    except OSError:
        status = -1
    recorder.add(endpoint, status, (time.monotonic() - started) * 1000.0)


def measure_capacity(clients, seconds=30, workers=8):
    recorder, stop = Recorder(), time.monotonic() + seconds

    def loop(i):
        while time.monotonic() < stop:
            timed(clients[i % len(clients)], pick(), recorder)

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(recorder.drain()) / seconds


def p99(values):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * 0.99))] if values else None


def live_heap_mib(pid, keep_as):
    """The objects a full GC leaves, counted at that safepoint by the class histogram (heap_info after GC.run
    would also count what other threads allocated in between: +-15 % from one window to the next). The
    histogram is kept in keep_as, to compare windows class by class."""
    out = subprocess.run(["jcmd", str(pid), "GC.class_histogram"], capture_output=True, text=True, timeout=120).stdout
    with open(keep_as, "w") as f:
        f.write(out)
    total = re.search(r"^Total\s+\d+\s+(\d+)", out, re.M)
    return int(total.group(1)) / 1048576.0 if total else None


class GcLog:
    """Reads the server's GC log (-Xlog:gc) a window at a time: the longest pause shows whether a slow p99 was
    the collector's doing."""

    def __init__(self, path):
        self.path, self.offset = path, 0

    def window(self):
        try:
            with open(self.path) as f:
                f.seek(self.offset)
                text = f.read()
                self.offset = f.tell()
        except OSError:
            return 0, 0, 0.0
        pauses = [(kind, float(ms)) for kind, ms in re.findall(r"Pause (Young|Full).*?([0-9.]+)ms$", text, re.M)]
        full = sum(1 for kind, _ in pauses if kind == "Full")
        return len(pauses), full, max((ms for _, ms in pauses), default=0.0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--window", type=float, default=5, help="minutes per report window")
    parser.add_argument("--db", default="h2", choices=["h2", "mariadb"])
    parser.add_argument("--share", type=float, default=0.5, help="share of the measured capacity to offer")
    args = parser.parse_args()
    if not os.path.exists(bench.JAR):
        subprocess.run(["mvn", "-q", "-B", "package", "-DskipTests"], cwd=bench.ROOT, check=True)

    workdir = tempfile.mkdtemp(prefix="soak-")
    gc_log = GcLog(os.path.join(workdir, "gc.log"))
    proc, base, _ = bench.start_server(args.db, workdir, JVM_OPTIONS + " -Xlog:gc:file=" + gc_log.path)
    failed = []
    try:
        clients = [Client(base, n) for n in range(16)]
        capacity = measure_capacity(clients)
        rate = capacity * args.share
        print("capacity of the mix %.0f req/s; offering %.0f req/s for %g min (windows of %g min)"
              % (capacity, rate, args.minutes, args.window), flush=True)

        recorder, end = Recorder(), time.monotonic() + args.minutes * 60
        pool, pool_lock = [], threading.Semaphore(64)  # at most 64 requests in flight

        def offer():
            interval, next_at = 1.0 / rate, time.monotonic()
            while time.monotonic() < end:
                next_at += interval
                delay = next_at - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                if not pool_lock.acquire(timeout=10):
                    continue

                def one():
                    try:
                        timed(random.choice(clients), pick(), recorder)
                    finally:
                        pool_lock.release()

                threading.Thread(target=one, daemon=True).start()

        offerer = threading.Thread(target=offer)
        offerer.start()
        gc_log.window()  # start-up and the capacity run are not the first window's
        # every later window starts just after a histogram's full GC (and counts it): so does the first, the baseline
        live_heap_mib(proc.pid, os.path.join(workdir, "histogram-0.txt"))
        baseline, window_no = None, 0
        while offerer.is_alive() or window_no == 0:
            window_end = min(end, time.monotonic() + args.window * 60)
            while time.monotonic() < window_end:
                time.sleep(min(5.0, max(0.0, window_end - time.monotonic())))
            window_no += 1
            samples = recorder.drain()
            pauses, full, longest = gc_log.window()  # before the histogram's own full GC
            histogram = os.path.join(workdir, "histogram-%d.txt" % window_no)
            figures = {"rss_mib": bench.rss_mib(proc.pid), "live_heap_mib": live_heap_mib(proc.pid, histogram)}
            line = ["window %d (to %.1f min):" % (window_no, window_no * args.window),
                    "RSS %.0f MiB, live heap %.1f MiB;" % (figures["rss_mib"] or 0, figures["live_heap_mib"] or 0),
                    "GC %d pauses (%d full), longest %.0f ms;" % (pauses, full, longest)]
            for endpoint, _ in MIX:
                mine = [s for s in samples if s[0] == endpoint]
                errors = sum(1 for s in mine if s[1] < 0 or s[1] >= 500)
                figures[endpoint] = p99([s[2] for s in mine])
                line.append("%s n=%d err=%d p99=%s ms;" % (endpoint, len(mine), errors,
                                                           "%.1f" % figures[endpoint] if mine else "-"))
                if errors:
                    failed.append("window %d: %d errors on %s" % (window_no, errors, endpoint))
            print(" ".join(line), flush=True)
            if baseline is None:
                baseline = figures
                continue
            for key in ("rss_mib", "live_heap_mib"):
                if baseline[key] and figures[key] and figures[key] > baseline[key] * GROWTH_LIMIT:
                    failed.append("window %d: %s %.1f > %.1f + 10%%" % (window_no, key, figures[key], baseline[key]))
            for endpoint, _ in MIX:
                if baseline[endpoint] and figures[endpoint] and figures[endpoint] > baseline[endpoint] * P99_LIMIT:
                    failed.append("window %d: %s p99 %.1f ms > 2 x %.1f ms"
                                  % (window_no, endpoint, figures[endpoint], baseline[endpoint]))
            if time.monotonic() >= end:
                break
        offerer.join()
    finally:
        bench.stop_server(proc)
    print("GC log and class histograms per window: " + workdir)
    if failed:
        print("SOAK FAILED:\n  " + "\n  ".join(failed))
        sys.exit(1)
    print("soak passed: no growth over 10% in RSS or live heap after the first window, no p99 doubled, no error")


if __name__ == "__main__":
    main()
