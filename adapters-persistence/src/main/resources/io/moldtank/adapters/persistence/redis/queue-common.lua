-- Shared by every queue script. Keys, all under the prefix P (ARGV[1]):
--   P:arrival            counter giving each item its arrival number
--   P:ready              zset submission -> arrival, items claimable now
--   P:bounty:<b>         zset submission -> sequence, the claimable items of bounty b
--   P:delayed            zset submission -> ms when a failed item is due again
--   P:leased             zset submission -> ms when its lease ends
--   P:item:<s>           hash b, s (sequence), arr, att (claims), enq, tok, wrk, err
--   P:slot               hash "<bounty>#<sequence>" -> submission, one field per live item
--   P:dead               list of dead submissions, oldest first
--   P:claim:<token>      submission leased by that claim, until its lease ends (see claim below);
--                        after its fail, "=f<call>=<answer>" for a while (see answered below)
--   P:done:<s>           "<token>|<call>" of the ack that finished s, for a while (see ack below)
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

-- How long an answer is kept for the same call re-sent by the client after a reconnect (which must
-- get that answer, not "lease lost"), and an acked submission is remembered: longer than a reconnect.
local ANSWER_MS = 30000

-- The answer call (a token per fail call, the same when re-sent) already gave for claim tok, or nil:
-- a second, deliberate call is a new call and gets "lease lost".
local function answered(tok, kind, call)
  local v = redis.call('GET', P .. ':claim:' .. tok)
  local mark = '=' .. kind .. call .. '='
  if v and string.sub(v, 1, #mark) == mark then return tonumber(string.sub(v, #mark + 1)) end
  return nil
end

local function remember(tok, kind, call, answer)
  redis.call('SET', P .. ':claim:' .. tok, '=' .. kind .. call .. '=' .. answer, 'PX', ANSWER_MS)
end

-- Acks sid if tok still holds it: 1 acked, 0 lease lost. P:done:<sid> remembers which claim and call
-- acked it, so that call re-sent gets 1 again and an enqueue re-sent after its reply was lost (while
-- a worker already finished the item) does not queue the submission a second time.
local function ack(sid, tok, call)
  local item = P .. ':item:' .. sid
  local f = redis.call('HMGET', item, 'tok', 'b', 's')
  if f[1] ~= tok then
    if redis.call('GET', P .. ':done:' .. sid) == tok .. '|' .. call then return 1 end
    return 0
  end
  -- a leased item is in no other set; one whose lapsed lease was put back in line is
  if redis.call('ZREM', P .. ':leased', sid) == 0 then
    unready(sid, f[2])
  end
  redis.call('DEL', item)
  redis.call('HDEL', P .. ':slot', f[2] .. '#' .. f[3])
  redis.call('SET', P .. ':done:' .. sid, tok .. '|' .. call, 'PX', ANSWER_MS)
  return 1
end

-- Claims for worker wrk until lu: {submission, bounty, sequence, attempt}, or {} when nothing is ready.
-- The oldest ready arrival picks the bounty; that bounty's lowest ready sequence is handed out.
-- A claim Lettuce re-sends after a reconnect (same token) gets what its first run leased, with that
-- lease's end as a fifth element, instead of leasing a second item and stranding the first.
local function claim(now, max, tok, wrk, lu)
  local mine = redis.call('GET', P .. ':claim:' .. tok)
  if mine and string.sub(mine, 1, 1) == '=' then return {} end -- that claim was answered already
  if mine then
    local f = redis.call('HMGET', P .. ':item:' .. mine, 'tok', 'b', 's', 'att')
    local ends = redis.call('ZSCORE', P .. ':leased', mine)
    if f[1] == tok and ends then return {mine, f[2], f[3], tonumber(f[4]), ends} end
    return {}
  end
  reap(now, max)
  local head = redis.call('ZRANGE', P .. ':ready', 0, 0)[1]
  if not head then return {} end
  local b = redis.call('HGET', P .. ':item:' .. head, 'b')
  local first = redis.call('ZRANGE', P .. ':bounty:' .. b, 0, 0, 'WITHSCORES')
  local sid = first[1]
  -- a ready item is in neither the delayed nor the leased set, so two removals suffice
  redis.call('ZREM', P .. ':ready', sid)
  redis.call('ZREM', P .. ':bounty:' .. b, sid)
  local item = P .. ':item:' .. sid
  local att = redis.call('HINCRBY', item, 'att', 1)
  redis.call('HSET', item, 'tok', tok, 'wrk', wrk)
  redis.call('ZADD', P .. ':leased', lu, sid)
  redis.call('SET', P .. ':claim:' .. tok, sid, 'PX', math.max(1, tonumber(lu) - now))
  return {sid, b, string.format('%d', tonumber(first[2])), att}
end
