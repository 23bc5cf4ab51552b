-- ARGV: P, now, maxAttempts, token, worker, leaseUntil. Returns {submission, bounty, sequence, attempt} or {};
-- a re-sent claim adds its lease end.
-- The oldest ready arrival picks the bounty; that bounty's lowest ready sequence is handed out.
local now, max, tok, wrk, lu = tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4], ARGV[5], ARGV[6]
-- A claim Lettuce re-sends after a reconnect (same token) gets what its first run leased, if still
-- leased to it, instead of leasing a second item and stranding the first until its lease lapses.
local mine = redis.call('GET', P .. ':claim:' .. tok)
if mine then
  local f = redis.call('HMGET', P .. ':item:' .. mine, 'tok', 'b', 's', 'att')
  local ends = redis.call('ZSCORE', P .. ':leased', mine)
  if f[1] == tok and ends then return {mine, f[2], f[3], tonumber(f[4]), ends} end
  return {}
end
reap(now, max)
local head = redis.call('ZRANGE', P .. ':ready', 0, 0)[1]
if not head then return {} end
local b = redis.call('HGET', P .. ':item:' .. head, 'b')
local sid = redis.call('ZRANGE', P .. ':bounty:' .. b, 0, 0)[1]
unready(sid, b)
local item = P .. ':item:' .. sid
local att = redis.call('HINCRBY', item, 'att', 1)
redis.call('HSET', item, 'tok', tok, 'wrk', wrk)
redis.call('ZADD', P .. ':leased', lu, sid)
redis.call('SET', P .. ':claim:' .. tok, sid, 'PX', math.max(1, tonumber(lu) - now))
return {sid, b, redis.call('HGET', item, 's'), att}
