// The live board: follows each open bounty's WebSocket stream from the last event the page showed,
// adds new events to its row and keeps its queue depth, and shows whether the streams are live.
(function () {
  var state = document.getElementById('live-state');
  var rows = document.querySelectorAll('tr[data-bounty]');
  var open = 0, wanted = rows.length;
  function show() {
    if (wanted === 0) { state.textContent = 'live (no open bounties)'; state.className = 'live-state live'; return; }
    var live = open === wanted;
    state.textContent = live ? 'live' : (open === 0 ? 'reconnecting…' : 'reconnecting… (' + open + '/' + wanted + ' live)');
    state.className = 'live-state ' + (live ? 'live' : 'reconnecting');
  }
  var DEPTH = { SubmissionReceived: 1, VerdictRecorded: -1, DeadLettered: -1 };
  function follow(row, delay) {
    var proto = location.protocol === 'https:' ? 'wss://' : 'ws://';
    var url = proto + location.host + '/api/v1/bounties/' + row.dataset.bounty + '/stream?after=' + row.dataset.after;
    var ws = new WebSocket(url), counted = false;
    ws.onopen = function () { open++; counted = true; delay = 500; show(); };
    ws.onmessage = function (m) {
      var e; try { e = JSON.parse(m.data); } catch (x) { return; }
      if (!e.id) { return; } // heartbeat
      row.dataset.after = e.id;
      var li = document.createElement('li');
      li.className = 'new';
      li.textContent = e.at + ' ' + e.type; // textContent: event data never becomes markup
      var list = row.querySelector('ul.events');
      list.appendChild(li);
      while (list.children.length > 8) { list.removeChild(list.firstChild); }
      var depth = row.querySelector('td.depth');
      if (DEPTH[e.type]) { depth.textContent = Math.max(0, parseInt(depth.textContent, 10) + DEPTH[e.type]); }
    };
    ws.onclose = function () {
      if (counted) { open--; counted = false; }
      show();
      setTimeout(function () { follow(row, Math.min(delay * 2, 10000)); }, delay);
    };
  }
  rows.forEach(function (row) { follow(row, 500); });
  show();
})();
