#!/usr/bin/env python3
"""Benchmarks the server as the README's run command starts it, on loopback with wrk; prints its progress, then
one table, and writes the table as JSON.

Usage: bench/run [--db h2|mariadb] [--seconds N]   (see README, "Benchmarks")
Every load loop is bounded in time and targets 127.0.0.1 only.
"""
import argparse, datetime, glob, json, os, re, shutil, signal, socket, subprocess, sys, tempfile, threading, time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "auth-ear", "target", "auth-server.jar")
# the minified Liberty with the EAR that mvn package unpacks from the jar: what the README's run command starts
INSTALLED_SERVER = os.path.join(ROOT, "auth-ear", "target", "server", "wlp", "bin", "server")
# its JVM settings, which the README recommends for the runnable jar too
JVM_OPTIONS_FILE = os.path.join(ROOT, "jvm.options")
# the Argon2id parameters of the server, from the same environment variables (defaults as in the README)
HASH_SETTINGS = (("AUTH_PASSWORD_HASH_MEMORY_KIB", "19456"), ("AUTH_PASSWORD_HASH_ITERATIONS", "2"),
                 ("AUTH_PASSWORD_HASH_PARALLELISM", "1"))
STARTS = 3  # restarts measured; the median is reported
PASSWORD = "bench password 123"
CONNECTIONS = [1, 8, 32]
ENDPOINTS = ("baseline", "me", "login", "token", "refresh")  # measured in this order
WARM_UP_SECONDS = 10  # per endpoint and round
WARM_UP_MAX_SECONDS = 120
WARM_UP_JIT_SHARE = 0.05  # of the server's CPU: below it the JIT is done with what the load runs
TARGETS = {"login_vs_hash_at_8": 0.9, "me_vs_baseline_at_8": 0.7, "me_p99_ms_at_8": 10.0, "restart_s": 7.0,
           "first_start_s": 10.0, "rss_mib": 450.0}


def progress(message):
    print("[%s] %s" % (time.strftime("%H:%M:%S"), message), file=sys.stderr, flush=True)


def recommended_jvm_options():
    with open(JVM_OPTIONS_FILE) as f:
        return " ".join(line.strip() for line in f if line.strip() and not line.startswith("#"))


def hash_parameters():
    return [os.environ.get(name, default) for name, default in HASH_SETTINGS]


def ensure_wrk():
    if not shutil.which("wrk"):
        subprocess.run("apt-get update -qq && apt-get install -y -qq wrk", shell=True, check=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(base, method, path, body=None, token=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def start_server(db, workdir, jvm_options, port=None, jar=False, root=ROOT):
    """The installed server (the README's run command; jvm_options come after its jvm.options), or with jar=True
    the runnable jar it comes from (jvm_options are all it gets); root: the checkout they were built in."""
    port = port or free_port()
    env = dict(os.environ, HTTP_PORT=str(port), HTTPS_PORT=str(free_port()), AUTH_DB=db,
               WLP_OUTPUT_DIR=os.path.join(workdir, "jar-output" if jar else "output"), MALLOC_ARENA_MAX="2",
               # every request comes from 127.0.0.1: the per-IP limits would measure 429s, not work
               # (the limiter still runs, against the database, as in production)
               AUTH_RATE_LIMIT_LOGIN_CAPACITY="10000000", AUTH_RATE_LIMIT_LOGIN_PERIOD="P1D",
               AUTH_RATE_LIMIT_SIGNUP_CAPACITY="10000000", AUTH_RATE_LIMIT_SIGNUP_PERIOD="P1D",
               AUTH_RATE_LIMIT_REFRESH_CAPACITY="10000000", AUTH_RATE_LIMIT_REFRESH_PERIOD="P1D")
    if jar:  # a new extraction folder per start (the jar refuses an existing one); the output folder lasts
        env["WLP_JAR_EXTRACT_DIR"] = tempfile.mkdtemp(prefix="server-", dir=workdir) + "/x"
        env["JDK_JAVA_OPTIONS"] = jvm_options
    else:  # as the README runs it: without Liberty's Java agent, so that the JVM maps the build's class archive
        env["JVM_ARGS"] = jvm_options
        env["WLP_SKIP_BOOTSTRAP_AGENT"] = "true"
    if db == "mariadb":
        env.setdefault("AUTH_DB_NAME", "auth_bench_%d" % port)
    log = open(os.path.join(workdir, "console.log"), "a")
    started = time.monotonic()
    command = (["java", "-jar", os.path.join(root, os.path.relpath(JAR, ROOT))] if jar
               else ["bash", installed_server(root), "run", "authServer"])
    proc = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=workdir)
    base = "http://127.0.0.1:%d" % port
    while time.monotonic() - started < 180:
        if proc.poll() is not None:
            sys.exit("server exited; see " + log.name)
        try:
            if call(base, "GET", "/health/ready")[0] == 200 and call(base, "GET", "/health/started")[0] == 200:
                return proc, base, time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.1)
    proc.kill()
    sys.exit("server not ready in 180 s")


def installed_server(root):
    """The server script of the checkout at root; before the minified server, builds installed only the full one."""
    script = os.path.join(root, os.path.relpath(INSTALLED_SERVER, ROOT))
    older = os.path.join(root, "auth-ear", "target", "liberty", "wlp", "bin", "server")
    return script if os.path.exists(script) else older


def stop_server(proc):
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(60)
    except subprocess.TimeoutExpired:
        proc.kill()


def liberty_start_seconds(workdir):
    with open(os.path.join(workdir, "console.log")) as f:
        found = re.findall(r"server started in ([0-9.]+) seconds", f.read())
    return float(found[-1]) if found else None


def rss_mib(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        return None


def cpu_ticks(pid):
    """(ticks of the whole process, ticks of its JIT compiler threads) so far; threads that ended are not
    in the second figure, so a JIT share is a lower bound."""
    def ticks(stat_path):
        with open(stat_path) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime

    jit = 0
    for task in glob.glob("/proc/%d/task/*" % pid):
        try:
            with open(task + "/comm") as f:
                if f.read().startswith(("C1 Compiler", "C2 Compiler")):
                    jit += ticks(task + "/stat")
        except OSError:
            pass
    return ticks("/proc/%d/stat" % pid), jit


def gc_counts(pid):
    """(young collections, their seconds, full collections, their seconds) so far, from the JDK's jstat."""
    out = subprocess.run(["jstat", "-gc", str(pid)], capture_output=True, text=True).stdout.split("\n")
    if len(out) < 2:
        return None
    row = dict(zip(out[0].split(), out[1].split()))
    return int(row["YGC"]), float(row["YGCT"]), int(row["FGC"]), float(row["FGCT"])


def wrk(url, connections, seconds, server_pid, script=None, extra_env=None, headers=()):
    before = cpu_ticks(server_pid)
    cmd = ["wrk", "-t%d" % connections if script and "refresh" in script else "-t%d" % min(connections, 2),
           "-c%d" % connections, "-d%ds" % seconds, "--latency", "--timeout", "10s"]
    for h in headers:
        cmd += ["-H", h]
    if script:
        cmd += ["-s", os.path.join(ROOT, "bench", script)]
    out = subprocess.run(cmd + [url], env=dict(os.environ, **(extra_env or {})), capture_output=True, text=True,
                         timeout=seconds + 60).stdout
    rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)

    def pct(p):
        m = re.search(r"\s%s%%\s+([0-9.]+)(us|ms|s)\b" % p, out)
        if not m:
            return None
        return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]

    requests = int(re.search(r"(\d+) requests in", out).group(1))
    result = {"rps": rps, "p50_ms": pct(50), "p99_ms": pct(99), "non_2xx": int(non2xx.group(1)) if non2xx else 0}
    # answered with success: a login shed with 503 (bounded hashing, issue 12) is not a login served
    result["ok_rps"] = round(rps * (requests - result["non_2xx"]) / requests, 1) if requests else 0.0
    total, jit = (after - start for after, start in zip(cpu_ticks(server_pid), before))
    result["server_cpu_cores"] = round(total / os.sysconf("SC_CLK_TCK") / seconds, 2)
    result["jit_cpu_share"] = round(jit / total, 3) if total else None  # of the server's CPU in this run
    return result


def hash_rate(seconds, jvm_options):
    """At the server's Argon2id parameters, in a JVM with the server's options, so that the ratio compares like
    with like."""
    bc = sorted(glob.glob(os.path.expanduser("~/.m2/repository/org/bouncycastle/bcprov-jdk18on/1.87/*.jar")))
    out = subprocess.run(["java"] + jvm_options.split() + ["-cp", bc[0], os.path.join(ROOT, "bench", "HashRate.java")]
                         + hash_parameters() + [str(seconds), "1", "2"],
                         capture_output=True, text=True, check=True).stdout
    return {int(k): v for k, v in json.loads(out.strip().splitlines()[-1]).items()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="h2", choices=["h2", "mariadb"])
    parser.add_argument("--seconds", type=int, default=10, help="duration of each wrk run")
    parser.add_argument("--warm-up-max", type=int, default=WARM_UP_MAX_SECONDS,
                        help="longest warm-up in seconds (a smoke run may pass a few)")
    parser.add_argument("--jvm", default="",
                        help="JVM options after the server's own jvm.options (which the README recommends)")
    parser.add_argument("--compare-logins", metavar="REV",
                        help="also compare login throughput with revision REV (bench/compare-logins, 2 rounds)")
    args = parser.parse_args()
    jvm = (recommended_jvm_options() + " " + args.jvm).strip()
    if not os.path.exists(JAR):
        subprocess.run(["mvn", "-q", "-DskipTests", "package"], cwd=ROOT, check=True)
    ensure_wrk()

    progress("raw Argon2id rate (memory KiB, iterations, parallelism = %s)" % ", ".join(hash_parameters()))
    hashes = hash_rate(max(5, args.seconds // 2), jvm)
    progress("  %s hashes/s on 1, 2 threads" % ", ".join("%.1f" % v for _, v in sorted(hashes.items())))
    workdir = tempfile.mkdtemp(prefix="auth-bench-")
    # The README's run command. The first start creates the schema and the first signing key and fills Liberty's
    # workarea; a restart is what an operator sees daily.
    progress("first start of the installed server (README's run command)")
    proc, base, first_s = start_server(args.db, workdir, args.jvm)
    first_liberty_s = liberty_start_seconds(workdir)
    progress("  ready in %.2f s" % first_s)
    port = int(base.rsplit(":", 1)[1])  # the same port, and so on MariaDB the same database, for every start
    restarts = []
    for i in range(STARTS):
        stop_server(proc)
        proc, base, ready_s = start_server(args.db, workdir, args.jvm, port=port)
        restarts.append(round(ready_s, 2))
        progress("restart %d of %d: ready in %.2f s" % (i + 1, STARTS, ready_s))
    peak_rss = [rss_mib(proc.pid) or 0]
    stop = threading.Event()

    def sample():
        while not stop.wait(0.2):
            peak_rss[0] = max(peak_rss[0], rss_mib(proc.pid) or 0)

    threading.Thread(target=sample, daemon=True).start()
    results = {"db": args.db, "seconds_per_run": args.seconds, "jvm_options": jvm, "hash_parameters": hash_parameters(),
               "hash_rate": hashes,
               "start": {"first_ready_s": round(first_s, 2), "first_liberty_reported_s": first_liberty_s,
                         "restarts_s": restarts, "ready_s": sorted(restarts)[len(restarts) // 2],
                         "liberty_reported_s": liberty_start_seconds(workdir)}}
    try:
        email = "bench-%d@example.com" % int(time.time())
        status, body = call(base, "POST", "/api/auth/signup", {"email": email, "password": PASSWORD})
        assert status == 201, body
        access = json.loads(body)["access_token"]
        login_body = json.dumps({"email": email, "password": PASSWORD})
        # the same login as an OAuth 2.0 password grant at /oauth2/token (form-encoded), to compare the two
        token_body = urllib.parse.urlencode({"grant_type": "password", "username": email, "password": PASSWORD})

        def refresh_tokens():
            """One fresh session per connection: a refresh run rotates (and so uses up) its tokens."""
            return [json.loads(call(base, "POST", "/api/auth/login", {"email": email, "password": PASSWORD})[1])
                    ["refresh_token"] for _ in range(max(CONNECTIONS))]

        tokens = refresh_tokens()

        def load(endpoint, connections, seconds):
            path, options = {
                "baseline": ("/api/auth/jwks", {}),
                "me": ("/api/auth/me", {"headers": ["Authorization: Bearer " + access]}),
                "login": ("/api/auth/login", {"script": "post.lua", "extra_env": {"BENCH_BODY": login_body}}),
                "token": ("/oauth2/token", {"script": "post.lua", "extra_env": {
                    "BENCH_BODY": token_body, "BENCH_CONTENT_TYPE": "application/x-www-form-urlencoded"}}),
                "refresh": ("/api/auth/refresh", {"script": "refresh.lua", "extra_env": {
                    "BENCH_REFRESH_TOKENS": ",".join(tokens[:connections])}}),
            }[endpoint]
            result = wrk(base + path, connections, seconds, proc.pid, **options)
            progress("  %-8s %2d conns: %8.1f req/s, p99 %.2f ms, RSS %.0f MiB" % (
                endpoint, connections, result["rps"], result["p99_ms"] or -1, rss_mib(proc.pid) or 0))
            return result

        # warm-up: the JIT keeps compiling Liberty's code for minutes (at 40 logins/s a method called once per
        # login needs minutes to look hot); rounds go on until it is quiet, or for WARM_UP_MAX_SECONDS
        # of every endpoint measured: the token and refresh paths were otherwise compiled while they were measured
        # (17 % of the server's CPU in their one-connection runs)
        progress("warm-up: rounds of every endpoint until the JIT takes < %d %% of the server's CPU (at most %d s)"
                 % (100 * WARM_UP_JIT_SHARE, args.warm_up_max))
        warm_up_started, jit_shares = time.monotonic(), [1.0]
        while max(jit_shares) > WARM_UP_JIT_SHARE and time.monotonic() - warm_up_started < args.warm_up_max:
            jit_shares = [load(endpoint, 8, WARM_UP_SECONDS)["jit_cpu_share"] or 0 for endpoint in ENDPOINTS]
            tokens = refresh_tokens()
        results["warm_up"] = {"seconds": round(time.monotonic() - warm_up_started),
                              "jit_cpu_share_last_round": max(jit_shares)}
        progress("measured runs, %d s each" % args.seconds)
        runs, gc_before = {}, gc_counts(proc.pid)
        for c in CONNECTIONS:
            runs[c] = {endpoint: load(endpoint, c, args.seconds) for endpoint in ENDPOINTS}
            tokens = refresh_tokens()
        results["runs"] = runs
        gc_after = gc_counts(proc.pid)
        if gc_before and gc_after:  # a heap too small for the load shows here before it shows in latency
            young, young_s, full, full_s = (b - a for a, b in zip(gc_before, gc_after))
            results["gc_during_runs"] = {"young": young, "young_s": round(young_s, 2), "full": full,
                                         "full_s": round(full_s, 2)}
    finally:
        stop.set()
        results["rss_mib_peak"] = round(peak_rss[0], 1)
        stop_server(proc)
    # The runnable jar unpacks Liberty into a new folder at every start, so Liberty resolves its bundles afresh
    # each time; an installed server keeps that work in its workarea. Its two starts are reported alongside.
    jar_starts = []
    for label in ("first start", "restart"):
        proc, _, jar_s = start_server(args.db, workdir, jvm, port=port, jar=True)
        jar_starts.append(round(jar_s, 2))
        progress("runnable jar, %s: ready in %.2f s" % (label, jar_s))
        stop_server(proc)
    results["start"]["jar_first_ready_s"], results["start"]["jar_ready_s"] = jar_starts
    shutil.rmtree(workdir, ignore_errors=True)  # kept for its logs when the run failed
    # again, with the server stopped: on a shared host the speed drifts, and the ratio uses both
    progress("raw Argon2id rate again")
    results["hash_rate_after"] = hash_rate(max(5, args.seconds // 2), jvm)
    if args.compare_logins:
        import compare_logins  # noqa: E402  (beside this file)
        progress("login throughput against %s (bench/compare-logins)" % args.compare_logins)
        results["compare_logins"] = compare_logins.compare(args.compare_logins, rounds=2, seconds=args.seconds)
    report(results)


def report(r):
    runs, hashes, hashes_after = r["runs"], r["hash_rate"], r["hash_rate_after"]
    best_hash = (max(hashes.values()) + max(hashes_after.values())) / 2
    print("\nAuth service benchmark (%s, %d s per run, loopback, JVM: %s)" % (r["db"], r["seconds_per_run"],
                                                                           r["jvm_options"] or "defaults"))
    for label, rates in (("before", hashes), ("after", hashes_after)):
        print("raw Argon2id (m=%s KiB, t=%s, p=%s), %s the server: %s hashes/s" % (*r["hash_parameters"], label, ", ".join(
            "%.1f on %d thread%s" % (v, k, "" if k == 1 else "s") for k, v in sorted(rates.items()))))
    print("%-6s %-9s %10s %10s %9s %9s %8s %9s %6s" % ("conns", "endpoint", "req/s", "2xx/s", "p50 ms", "p99 ms",
                                                       "non2xx", "srv cores", "jit %"))
    for c, endpoints in runs.items():
        for name, m in endpoints.items():
            print("%-6d %-9s %10.1f %10.1f %9.2f %9.2f %8d %9.2f %6.1f" % (
                c, name, m["rps"], m["ok_rps"], m["p50_ms"] or -1, m["p99_ms"] or -1, m["non_2xx"],
                m["server_cpu_cores"], 100 * (m["jit_cpu_share"] or 0)))
    ratios = {}
    for c, endpoints in runs.items():
        ratios["login_vs_hash_at_%d" % c] = round(endpoints["login"]["ok_rps"] / best_hash, 3)
        ratios["me_vs_baseline_at_%d" % c] = round(endpoints["me"]["rps"] / endpoints["baseline"]["rps"], 3)
        ratios["token_vs_login_at_%d" % c] = round(endpoints["token"]["ok_rps"] / endpoints["login"]["ok_rps"], 3)
    r["ratios"] = ratios
    checks = {
        "login >= 0.9x raw hash rate at 8 connections": ratios["login_vs_hash_at_8"] >= TARGETS["login_vs_hash_at_8"],
        "me >= 0.7x baseline at 8 connections": ratios["me_vs_baseline_at_8"] >= TARGETS["me_vs_baseline_at_8"],
        "me p99 < 10 ms at 8 connections": runs[8]["me"]["p99_ms"] < TARGETS["me_p99_ms_at_8"],
        "restart <= 7 s (README's command, median of %d, ready probe UP)" % len(r["start"]["restarts_s"]):
            r["start"]["ready_s"] <= TARGETS["restart_s"],
        "first start <= 10 s (README's command)": r["start"]["first_ready_s"] <= TARGETS["first_start_s"],
        "RSS <= 450 MiB under load": r["rss_mib_peak"] <= TARGETS["rss_mib"],
    }
    if "compare_logins" in r:
        compared = r["compare_logins"]
        checks["login within 10 %% of %s's at 8 connections (%.1f vs %.1f/s, starts alternated)" % (
            compared["rev"], compared["medians"]["this checkout"], compared["medians"][compared["rev"]])] = \
            compared["ratio"] >= compared["tolerance"]
    r["targets_met"] = checks
    print("ratios: " + ", ".join("%s=%.3f" % kv for kv in ratios.items()))
    print("warm-up: %d s, the JIT's share of the server's CPU in its last round %.1f %%" % (
        r["warm_up"]["seconds"], 100 * r["warm_up"]["jit_cpu_share_last_round"]))
    print("start (README's command, the installed server): first %.2f s (Liberty says %s s), restart %.2f s (median"
          " of %s; Liberty says %s s); runnable jar: first %.2f s, restart %.2f s; peak RSS %.0f MiB" % (
              r["start"]["first_ready_s"], r["start"]["first_liberty_reported_s"], r["start"]["ready_s"],
              r["start"]["restarts_s"], r["start"]["liberty_reported_s"], r["start"]["jar_first_ready_s"],
              r["start"]["jar_ready_s"], r["rss_mib_peak"]))
    if "gc_during_runs" in r:
        gc = r["gc_during_runs"]
        print("GC during the measured runs: %d young (%.2f s), %d full (%.2f s)" % (
            gc["young"], gc["young_s"], gc["full"], gc["full_s"]))
    for name, ok in checks.items():
        print("  [%s] %s" % ("met" if ok else "MISSED", name))
    out_dir = os.path.join(ROOT, "bench", "results")
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, "bench-%s-%s.json" % (r["db"], datetime.datetime.utcnow().strftime("%Y%m%dT%H%M%SZ")))
    with open(path, "w") as f:
        json.dump(r, f, indent=2, default=str)
    print("written: " + path)


if __name__ == "__main__":
    main()
