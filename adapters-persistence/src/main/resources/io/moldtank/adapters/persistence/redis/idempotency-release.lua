-- KEYS[1]: the record. Forgets it only while in flight: a completed answer stays.
if redis.call('HEXISTS', KEYS[1], 'st') == 1 then return 0 end
return redis.call('DEL', KEYS[1])
