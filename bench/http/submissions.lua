-- wrk script: sends pre-signed, single-use submission requests (one AgentSig nonce each), in order.
-- Run with one wrk thread so no request is sent twice; a wrap-around would show up as non-2xx answers.
local reqs = {}
local i = 0

function init(args)
  for line in io.lines(args[1]) do
    local path, auth, ts, nonce, body = line:match("^(.-)\t(.-)\t(.-)\t(.-)\t(.*)$")
    reqs[#reqs + 1] = wrk.format("POST", path, {
      ["Content-Type"] = "application/json", ["Authorization"] = auth,
      ["X-Timestamp"] = ts, ["X-Nonce"] = nonce }, body)
  end
end

function request()
  i = i + 1
  if i > #reqs then i = 1 end
  return reqs[i]
end
