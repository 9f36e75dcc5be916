-- wrk's script for the load benchmark's submits (benchmarks/api_load.py): every request a
-- POST of the same dossier with its own Idempotency-Key (the thread's number and a counter,
-- under a prefix unique to the run), so each is a new command, never a replay.
-- Settings come from the environment: TTHC_WRK_BODY (a file with the JSON body),
-- TTHC_WRK_TOKEN (the bearer token), TTHC_WRK_PREFIX (the keys' prefix).
local threads = {}
local counter = 0
local number = 0

local function read(path)
  local file = assert(io.open(path, "rb"))
  local text = file:read("*a")
  file:close()
  return text
end

local body = read(os.getenv("TTHC_WRK_BODY"))
local token = os.getenv("TTHC_WRK_TOKEN")
local prefix = os.getenv("TTHC_WRK_PREFIX")

function setup(thread)
  thread:set("number", #threads)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  return wrk.format("POST", "/v1/cases", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = string.format("%s-%d-%d", prefix, number, counter),
  }, body)
end

-- One JSON line on standard output: what api_load.py reads back.
function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.6f, "non2xx": %d, "connect": %d, "read": %d, ' ..
    '"write": %d, "timeout": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, ' ..
    '"max_us": %d}\n',
    summary.requests, summary.duration / 1e6, errors.status, errors.connect, errors.read,
    errors.write, errors.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max))
end
