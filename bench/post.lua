-- A fixed POST (login, or the OAuth password grant): body from BENCH_BODY, content type from
-- BENCH_CONTENT_TYPE (JSON unless set).
wrk.method = "POST"
wrk.headers["Content-Type"] = os.getenv("BENCH_CONTENT_TYPE") or "application/json"
wrk.body = os.getenv("BENCH_BODY")
