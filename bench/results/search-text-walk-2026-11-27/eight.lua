local qs = {"Olivia%20P","Grace%20Ng","Henry%20Ok","Victor%20S","Quinn%20Ro","liam%20lop"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/admin/patients?search=" .. qs[(i % #qs) + 1] .. "&page=1&pageSize=25")
end
