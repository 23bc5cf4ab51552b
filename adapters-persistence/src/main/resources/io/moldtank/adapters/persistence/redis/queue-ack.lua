-- ARGV: P, submission, token. Returns 1 acked, 0 lease lost.
local sid, tok = ARGV[2], ARGV[3]
local f = redis.call('HMGET', P .. ':item:' .. sid, 'tok', 'b', 's')
if f[1] ~= tok then return 0 end
forget(sid, f[2], f[3])
redis.call('DEL', P .. ':claim:' .. tok)
return 1
