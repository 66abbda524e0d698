-- The bench's requests under wrk (bench/run.ts, BENCH_LOAD=wrk): a random path of the endpoint's
-- sampled keys per request, the office user's token, and on exit one line the harness reads.
local paths = {}
for line in io.lines(os.getenv("BENCH_WRK_PATHS")) do paths[#paths + 1] = line end
wrk.headers["authorization"] = "Bearer " .. os.getenv("BENCH_WRK_TOKEN")
wrk.headers["accept"] = "application/json"

-- Each thread draws its own sequence of keys.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  math.randomseed(os.time() * 1000 + seed)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

-- wrk's Lua sees its latency histogram only through percentiles: these, fine-grained in the tail, with
-- the share of responses each stands for, let the harness merge rounds (p50 to within 0.5 %, p99 to 0.02 %).
local function quantiles()
  local points = {}
  for i = 1, 195 do points[#points + 1] = i * 0.5 end
  for i = 1, 125 do points[#points + 1] = 97.5 + i * 0.02 end
  return points
end

function done(summary, latency, requests)
  local shares = {}
  if summary.requests > 0 then
    local previous = 0
    for _, p in ipairs(quantiles()) do
      shares[#shares + 1] = string.format("%.2f:%d", p - previous, latency:percentile(p))
      previous = p
    end
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH {"responses":%d,"durationUs":%d,"socketErrors":%d,"errorStatus":%d,"timeouts":%d,"quantilesUs":"%s"}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write, e.status, e.timeout, table.concat(shares, ",")))
end
