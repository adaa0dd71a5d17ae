local qs = {"ava","che","zha","pat","mil","oka","wal"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/admin/patients?search=" .. qs[(i % #qs) + 1] .. "&page=1&pageSize=25")
end
