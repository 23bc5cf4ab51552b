-- ARGV: P, submission, its token, call, now, maxAttempts, new token, worker, leaseUntil.
-- Acks the first item, then claims the next: {acked 1|0, submission, bounty, sequence, attempt}, or {acked}.
local out = {ack(ARGV[2], ARGV[3], ARGV[4])}
for _, v in ipairs(claim(tonumber(ARGV[5]), tonumber(ARGV[6]), ARGV[7], ARGV[8], ARGV[9])) do
  table.insert(out, v)
end
return out
