// Asks before an action whose form carries data-confirm; nothing else runs on most pages.
document.addEventListener('submit', function (e) {
  var text = e.target.getAttribute('data-confirm');
  if (text && !window.confirm(text)) { e.preventDefault(); }
});
