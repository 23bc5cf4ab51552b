-- ARGV: P, now, maxAttempts, token, worker, leaseUntil. Returns {submission, bounty, sequence, attempt} or {};
-- a re-sent claim adds its lease end.
return claim(tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4], ARGV[5], ARGV[6])
