-- ARGV: P, now, maxAttempts, limit. Returns flat {submission, bounty, sequence, attempts, error, at, ...}.
reap(tonumber(ARGV[2]), tonumber(ARGV[3]))
local out = {}
local limit = tonumber(ARGV[4])
if limit <= 0 then return out end
for _, sid in ipairs(redis.call('LRANGE', P .. ':dead', 0, limit - 1)) do
  local f = redis.call('HMGET', P .. ':deaditem:' .. sid, 'b', 's', 'att', 'err', 'at')
  table.insert(out, sid)
  for i = 1, 5 do table.insert(out, f[i]) end
end
return out
