-- ARGV: P, submission, bounty, sequence, now. Returns 1 added, 0 already there; error CONFLICT.
local sid, b, s, now = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
for _, key in ipairs({P .. ':item:' .. sid, P .. ':deaditem:' .. sid}) do
  local f = redis.call('HMGET', key, 'b', 's')
  if f[1] then
    if f[1] == b and f[2] == s then return 0 end
    return redis.error_reply('CONFLICT submission ' .. sid .. ' is queued as bounty ' .. f[1] .. ' sequence ' .. f[2])
  end
end
local holder = redis.call('HGET', P .. ':slot', b .. '#' .. s)
if holder then
  return redis.error_reply('CONFLICT bounty ' .. b .. ' sequence ' .. s .. ' is held by submission ' .. holder)
end
local arr = redis.call('INCR', P .. ':arrival')
redis.call('HSET', P .. ':item:' .. sid, 'b', b, 's', s, 'arr', arr, 'att', 0, 'enq', now)
redis.call('HSET', P .. ':slot', b .. '#' .. s, sid)
make_ready(sid)
redis.call('PUBLISH', P .. ':wake', '1')
return 1
