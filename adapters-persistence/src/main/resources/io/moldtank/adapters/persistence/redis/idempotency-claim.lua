-- KEYS[1]: the record, a hash f (fingerprint), o (claim token), and once completed st, ct, b (base64 body).
-- ARGV: fingerprint, claim token, ttl ms. Returns {'fresh'}, {'inflight'}, {'mismatch'} or {'replay', st, ct, b}.
-- The same token finding its own claim is Lettuce re-sending this script after a reconnect: still fresh.
local r = redis.call('HMGET', KEYS[1], 'f', 'o', 'st', 'ct', 'b')
if not r[1] then
  redis.call('HSET', KEYS[1], 'f', ARGV[1], 'o', ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  return {'fresh'}
end
if r[1] ~= ARGV[1] then return {'mismatch'} end
if not r[3] then
  if r[2] == ARGV[2] then return {'fresh'} end
  return {'inflight'}
end
return {'replay', r[3], r[4], r[5]}
