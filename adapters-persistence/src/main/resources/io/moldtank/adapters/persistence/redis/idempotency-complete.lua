-- KEYS[1]: the record. ARGV: status, content type, base64 body, ttl ms. A lapsed or released claim stores nothing.
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'st', ARGV[1], 'ct', ARGV[2], 'b', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
