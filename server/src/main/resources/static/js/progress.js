// Reloads a progress page every two seconds while its job runs (the page also works without this).
(function () {
  var p = document.getElementById('print-progress');
  if (p && p.getAttribute('data-running') === 'true') {
    setTimeout(function () { window.location.reload(); }, 2000);
  }
})();
