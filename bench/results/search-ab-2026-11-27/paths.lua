local token = io.open(os.getenv("TOKEN") or "/tmp/s100/token"):read("*l")
local list = {}
for line in io.lines(os.getenv("PATHS")) do list[#list+1] = line end
math.randomseed(os.time())
request = function()
  return wrk.format("GET", list[math.random(#list)], {["Authorization"]="Bearer "..token, ["X-Forwarded-Proto"]="https"})
end
