-- Shared by every queue script. Keys, all under the prefix P (ARGV[1]):
--   P:arrival            counter giving each item its arrival number
--   P:ready              zset submission -> arrival, items claimable now
--   P:bounty:<b>         zset submission -> sequence, the claimable items of bounty b
--   P:delayed            zset submission -> ms when a failed item is due again
--   P:leased             zset submission -> ms when its lease ends
--   P:item:<s>           hash b, s (sequence), arr, att (claims), enq, tok, wrk, err
--   P:slot               hash "<bounty>#<sequence>" -> submission, one field per live item
--   P:dead               list of dead submissions, oldest first
--   P:claim:<token>      submission leased by that claim, until its lease ends (see queue-claim.lua)
--   P:deaditem:<s>       hash b, s, att, err, at
-- Scripts touch keys named at run time, so on a cluster P must carry a hash tag, e.g. "moldtank:{q}".
local P = ARGV[1]

local function unready(sid, b)
  redis.call('ZREM', P .. ':ready', sid)
  redis.call('ZREM', P .. ':bounty:' .. b, sid)
  redis.call('ZREM', P .. ':delayed', sid)
  redis.call('ZREM', P .. ':leased', sid)
end

local function make_ready(sid)
  local f = redis.call('HMGET', P .. ':item:' .. sid, 'b', 's', 'arr')
  redis.call('ZADD', P .. ':ready', f[3], sid)
  redis.call('ZADD', P .. ':bounty:' .. f[1], f[2], sid)
end

local function forget(sid, b, s)
  unready(sid, b)
  redis.call('DEL', P .. ':item:' .. sid)
  redis.call('HDEL', P .. ':slot', b .. '#' .. s)
end

local function dead_letter(sid, err, now)
  local f = redis.call('HMGET', P .. ':item:' .. sid, 'b', 's', 'att')
  redis.call('HSET', P .. ':deaditem:' .. sid, 'b', f[1], 's', f[2], 'att', f[3], 'err', err, 'at', now)
  redis.call('RPUSH', P .. ':dead', sid)
  forget(sid, f[1], f[2])
end

-- Lapsed leases go back in line (keeping their token until re-claimed), or die when exhausted;
-- due retries go back in line. Items are handled in arrival order.
local function reap(now, max)
  local lapsed = redis.call('ZRANGEBYSCORE', P .. ':leased', '-inf', now)
  local back = {}
  for _, sid in ipairs(lapsed) do
    local f = redis.call('HMGET', P .. ':item:' .. sid, 'att', 'wrk', 'arr')
    redis.call('ZREM', P .. ':leased', sid)
    if tonumber(f[1]) >= max then
      table.insert(back, {tonumber(f[3]), sid, 'lease expired (worker ' .. tostring(f[2]) .. ')'})
    else
      make_ready(sid)
    end
  end
  table.sort(back, function(x, y) return x[1] < y[1] end)
  for _, d in ipairs(back) do dead_letter(d[2], d[3], now) end
  local due = redis.call('ZRANGEBYSCORE', P .. ':delayed', '-inf', now)
  for _, sid in ipairs(due) do
    redis.call('ZREM', P .. ':delayed', sid)
    make_ready(sid)
  end
end
