-- A fixed JSON POST (login): body from BENCH_BODY.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("BENCH_BODY")
