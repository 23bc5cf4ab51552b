-- ARGV: P, now, maxAttempts, token, worker, leaseUntil. Returns {submission, bounty, sequence, attempt} or nil.
-- The oldest ready arrival picks the bounty; that bounty's lowest ready sequence is handed out.
local now, max, tok, wrk, lu = tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4], ARGV[5], ARGV[6]
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
return {sid, b, redis.call('HGET', item, 's'), att}
