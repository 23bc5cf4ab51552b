-- ARGV: P, submission, token. Returns 1 acked, 0 lease lost.
return ack(ARGV[2], ARGV[3])
