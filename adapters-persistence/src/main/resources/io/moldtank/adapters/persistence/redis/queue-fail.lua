-- ARGV: P, submission, token, now, retryAt, maxAttempts, reason, call. Returns 0 lease lost, 1 retry, 2 dead.
local sid, tok, now, at, max, err, call = ARGV[2], ARGV[3], ARGV[4], ARGV[5], tonumber(ARGV[6]), ARGV[7], ARGV[8]
local item = P .. ':item:' .. sid
local f = redis.call('HMGET', item, 'tok', 'b', 'att')
if f[1] ~= tok then return answered(tok, 'f', call) or 0 end
if tonumber(f[3]) >= max then
  redis.call('HSET', item, 'err', err)
  dead_letter(sid, err, now)
  remember(tok, 'f', call, 2)
  return 2
end
remember(tok, 'f', call, 1)
unready(sid, f[2])
redis.call('HDEL', item, 'tok', 'wrk')
redis.call('HSET', item, 'err', err)
redis.call('ZADD', P .. ':delayed', at, sid)
redis.call('PUBLISH', P .. ':wake', '1')
return 1
