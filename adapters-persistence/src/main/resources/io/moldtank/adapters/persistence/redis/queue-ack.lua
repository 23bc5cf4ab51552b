-- ARGV: P, submission, token, call. Returns 1 acked, 0 lease lost.
return ack(ARGV[2], ARGV[3], ARGV[4])
