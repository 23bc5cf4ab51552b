-- ARGV: P, submission, bounty, sequence, now. Returns 2 added and waiters woken, 1 added, 0 already there
-- (queued, dead-lettered or acked in the last 30 s);
-- error CONFLICT.
local sid, b, s, now = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
for _, key in ipairs({P .. ':item:' .. sid, P .. ':deaditem:' .. sid}) do
  local f = redis.call('HMGET', key, 'b', 's')
  if f[1] then
    if f[1] == b and f[2] == s then return 0 end
    return redis.error_reply('CONFLICT submission ' .. sid .. ' is queued as bounty ' .. f[1] .. ' sequence ' .. f[2])
  end
end
-- acked moments ago: this is an enqueue re-sent after its reply was lost, not new work
if redis.call('EXISTS', P .. ':done:' .. sid) == 1 then return 0 end
local holder = redis.call('HGET', P .. ':slot', b .. '#' .. s)
if holder then
  return redis.error_reply('CONFLICT bounty ' .. b .. ' sequence ' .. s .. ' is held by submission ' .. holder)
end
local arr = redis.call('INCR', P .. ':arrival')
redis.call('HSET', P .. ':item:' .. sid, 'b', b, 's', s, 'arr', arr, 'att', 0, 'enq', now)
redis.call('HSET', P .. ':slot', b .. '#' .. s, sid)
-- Wake waiters only when the line was empty: a worker waits only after a claim found it empty, and
-- every worker woken by the first arrival claims again until the line is empty before it waits.
local was_empty = redis.call('ZCARD', P .. ':ready') == 0
redis.call('ZADD', P .. ':ready', arr, sid)
redis.call('ZADD', P .. ':bounty:' .. b, s, sid)
if was_empty then
  redis.call('PUBLISH', P .. ':wake', '1')
  return 2
end
return 1
