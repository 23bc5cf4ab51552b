-- KEYS[1]: the nonce. ARGV: this call's token, ttl ms. Returns 1 first use, 0 seen before.
-- The key holds the token of the call that first used the nonce, so the same call re-sent by the
-- client after a reconnect is still its first use, not a replay.
local seen = redis.call('GET', KEYS[1])
if seen then
  if seen == ARGV[1] then return 1 end
  return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
