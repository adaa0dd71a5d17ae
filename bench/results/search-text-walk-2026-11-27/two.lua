local qs = {"av","ch","zh","pa","mi","ok","wa"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/admin/patients?search=" .. qs[(i % #qs) + 1] .. "&page=1&pageSize=25")
end
