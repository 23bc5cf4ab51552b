-- ARGV: P, now, maxAttempts. Returns the number of live items.
reap(tonumber(ARGV[2]), tonumber(ARGV[3]))
return redis.call('HLEN', P .. ':slot')
