-- Identify by phone for bin/crm bench gateway, over the customers bin/crm loads (+86138 and eight digits):
--   CRM_TOKEN=... wrk -s identify.lua URL -- CUSTOMERS
function init(args)
  customers = tonumber(args[1])
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
  headers = { ["Authorization"] = "Bearer " .. (os.getenv("CRM_TOKEN") or "") }
end

function request()
  return wrk.format("GET", string.format("/api/v1/customers/identify?phone=%%2B86138%08d", math.random(customers)), headers)
end
