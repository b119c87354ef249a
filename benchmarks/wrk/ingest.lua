-- Sales for bin/crm bench ingest, one per request or 1,000 per batch:
--   wrk -s ingest.lua URL -- single|batch CUSTOMER_IDS_FILE RUN
-- Every sale has its own externalId (run, thread, counter), so each one is recorded, never a retry.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread", threads)
end

function init(args)
  mode, run = args[1], args[3]
  customers = {}
  for id in io.lines(args[2]) do customers[#customers + 1] = id end
  math.randomseed(thread)
  sales = 0
  path = mode == "batch" and "/api/v1/transactions/batch" or "/api/v1/transactions"
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. (os.getenv("CRM_TOKEN") or "") }
end

local function sale()
  sales = sales + 1
  return string.format('{"source":"bench","externalId":"%s-%d-%d","customerId":"%s",'
    .. '"occurredAt":"2026-11-05T10:00:00Z","store":"s1","channel":"STORE","currency":"CNY",'
    .. '"lines":[{"sku":"SKU-1","description":"Item","category":"FOOD","quantity":1,"unitPrice":28.00,'
    .. '"unitCost":9.50}],"attributes":{"seat":"window-2"}}',
    run, thread, sales, customers[math.random(#customers)])
end

function request()
  if mode ~= "batch" then
    return wrk.format("POST", path, headers, sale())
  end
  local items = {}
  for i = 1, 1000 do items[i] = sale() end
  return wrk.format("POST", path, headers, '{"transactions":[' .. table.concat(items, ",") .. "]}")
end
