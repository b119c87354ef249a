-- Experience entries for bin/crm bench experience, on the furniture-store journey (twenty touch points):
--   wrk -s experience.lua URL -- single|visit JOURNEY CUSTOMER_IDS_FILE RUN
-- single: each thread fills 200 visits at once, a touch point at a time, as staff at several counters
-- would (one request in twenty starts a visit); visit: each request logs a whole visit of twenty entries.
local touch_points = { "location", "parking", "decor", "diy-tools", "one-way-route", "quality", "price",
  "room-sets", "trying-products", "labels", "staff", "toilets", "childrens-area", "restaurant", "finding-items",
  "carrying-items", "paying", "delivery", "assembly", "ice-cream" }
local open_visits = 200
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread", threads)
end

function init(args)
  mode, journey, run = args[1], args[2], args[4]
  customers = {}
  for id in io.lines(args[3]) do customers[#customers + 1] = id end
  sent = 0
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. (os.getenv("CRM_TOKEN") or "") }
end

-- A visit id unique to the run, the thread and the visit's number.
local function visit_id(number)
  return string.format("%s-%04x-4000-8000-%012x", run, thread, number)
end

local function entry(position, n)
  return string.format('"touchPointCode":"%s","score":%d,"occurredAt":"2026-11-05T10:%02d:00Z"',
    touch_points[position], (n * 7919) % 7 - 3, position)
end

local function visit(number, recorded_by)
  return string.format('{"visitId":"%s","journeyCode":"%s","customerId":"%s","store":"s1","recordedBy":"%s",',
    visit_id(number), journey, customers[number % #customers + 1], recorded_by)
end

function request()
  local n = sent
  sent = sent + 1
  if mode == "visit" then
    local entries = {}
    for i = 1, #touch_points do entries[i] = "{" .. entry(i, n + i) .. "}" end
    return wrk.format("POST", "/api/v1/experience/logs", headers,
      visit(n, "CUSTOMER") .. '"entries":[' .. table.concat(entries, ",") .. "]}")
  end
  local round = math.floor(n / (open_visits * #touch_points))
  local position = math.floor(n / open_visits) % #touch_points + 1
  return wrk.format("POST", "/api/v1/experience/logs", headers,
    visit(round * open_visits + n % open_visits, "STAFF") .. entry(position, n) .. "}")
end
