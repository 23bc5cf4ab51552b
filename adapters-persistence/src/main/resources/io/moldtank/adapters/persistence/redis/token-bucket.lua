-- KEYS[1]: the bucket. ARGV: now ms, capacity, refill per minute, call id.
-- The level is kept in whole units of 1/60000 token, so R tokens/minute refill exactly R units/ms.
-- Returns {allowed 0|1, tokens remaining, ms until a token is back}.
local now, cap, r = tonumber(ARGV[1]), tonumber(ARGV[2]) * 60000, tonumber(ARGV[3])
local st = redis.call('HMGET', KEYS[1], 'l', 't', 'c', 'a', 'r', 'w')
-- the same call re-sent by the client after a reconnect gets its first answer, not a second token
if st[3] == ARGV[4] then return {tonumber(st[4]), tonumber(st[5]), tonumber(st[6])} end
local level, last = cap, now
if st[1] then level, last = tonumber(st[1]), tonumber(st[2]) end
local elapsed = now - last
if elapsed < 0 then elapsed = 0 end
level = math.min(cap, level + elapsed * r)
if now > last then last = now end
local allowed, remaining, wait = 0, 0, 0
if level >= 60000 then
  level = level - 60000
  allowed, remaining = 1, math.floor(level / 60000)
else
  wait = math.ceil((60000 - level) / r)
end
redis.call('HSET', KEYS[1], 'l', string.format('%.0f', level), 't', string.format('%.0f', last),
  'c', ARGV[4], 'a', allowed, 'r', remaining, 'w', wait)
redis.call('PEXPIRE', KEYS[1], math.ceil((cap - level) / r) + 60000)
return {allowed, remaining, wait}
