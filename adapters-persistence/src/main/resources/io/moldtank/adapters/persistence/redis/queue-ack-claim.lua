-- ARGV: P, submission, its token, now, maxAttempts, new token, worker, leaseUntil.
-- Acks the first item, then claims the next: {acked 1|0, submission, bounty, sequence, attempt}, or {acked}.
local out = {ack(ARGV[2], ARGV[3])}
for _, v in ipairs(claim(tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6], ARGV[7], ARGV[8])) do
  table.insert(out, v)
end
return out
