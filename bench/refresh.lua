-- One refresh-token chain per wrk thread (run with -t equal to -c): each response's new refresh token
-- is presented by the next request, as a real client would.
local tokens = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  for token in string.gmatch(os.getenv("BENCH_REFRESH_TOKENS") or "", "[^,]+") do
    table.insert(tokens, token)
  end
  current = tokens[id]
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  return wrk.format(nil, nil, nil, '{"refresh_token":"' .. current .. '"}')
end

function response(status, headers, body)
  if status == 200 then
    local next = string.match(body, '"refresh_token":"([^"]+)"')
    if next then current = next end
  end
end
