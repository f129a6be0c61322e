-- wrk script: every request is the next pre-signed webhook from a file, so no CallSid is sent
-- twice and the service cannot answer from its stored replies.
--   wrk -t T -c C -d 8s -s bench/signed-bodies.lua http://127.0.0.1:PORT -- FILE OFFSET T EXPECT
-- FILE has one request a line: path <TAB> X-Twilio-Signature <TAB> form body. Thread k (1..T)
-- takes lines OFFSET+k-1, OFFSET+k-1+T, ... A thread that runs out starts its lines again; done()
-- counts those replayed requests. An answer whose body lacks EXPECT counts as unexpected.
-- done() prints one line for the harness: BENCH key=value ...
local threads = {}
local count = 0

function setup(thread)
  count = count + 1
  thread:set("id", count)
  table.insert(threads, thread)
end

function init(args)
  local file, offset, nthreads = args[1], tonumber(args[2]), tonumber(args[3])
  expect = args[4] or "<Response"
  reqs = {}
  local i = 0
  for line in io.lines(file) do
    if i >= offset and (i - offset) % nthreads == id - 1 then
      local path, sig, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
      reqs[#reqs + 1] = wrk.format("POST", path, {
        ["Content-Type"] = "application/x-www-form-urlencoded",
        ["X-Twilio-Signature"] = sig
      }, body)
    end
    i = i + 1
  end
  n = 0
  used = 0
  lines = #reqs
  unexpected = 0
  firstbad = ""
end

function request()
  n = n + 1
  if n > #reqs then
    n = 1
  end
  used = used + 1
  return reqs[n]
end

function response(status, headers, body)
  if status ~= 200 or not body or not body:find(expect, 1, true) then
    unexpected = unexpected + 1
    if firstbad == "" then
      firstbad = tostring(status) .. ":" .. string.sub(string.gsub(body or "", "[%s|]", " "), 1, 160)
    end
  end
end

function done(summary, latency, requests)
  local used_max, replays, bad, sent, first = 0, 0, 0, 0, ""
  for _, t in ipairs(threads) do
    local u = t:get("used") or 0
    sent = sent + u
    if u > used_max then used_max = u end
    replays = replays + math.max(0, u - (t:get("lines") or 0))
    bad = bad + (t:get("unexpected") or 0)
    if first == "" then first = t:get("firstbad") or "" end
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d connect=%d read=%d write=%d status=%d timeout=%d unexpected=%d replays=%d per_thread_max=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d first_bad=%s\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout, bad, replays, used_max,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, first))
end
