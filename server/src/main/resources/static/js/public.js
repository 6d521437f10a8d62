// Public results pages: progressive enhancement only, every page is complete without this file.
// One server-sent event arrives per publication; the page then fetches its own pre-rendered bytes
// again (after a short random delay, so that thousands of readers do not arrive in the same
// millisecond) and swaps the numbers in place, announcing the new status line politely.
(() => {
  document.documentElement.dataset.enhanced = '1';
  const url = document.body && document.body.dataset.events;
  if (!url || !window.EventSource || !window.fetch || !window.DOMParser) return;
  let last = null;
  const refresh = (sequence) => {
    fetch(location.pathname, { cache: 'no-cache' })
      .then((r) => (r.ok ? r.text() : null))
      .then((html) => {
        if (!html) return;
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const fresh = doc.getElementById('live');
        const here = document.getElementById('live');
        if (fresh && here) {
          // What the reader opened (a list's map, the elected persons) stays open after the swap.
          const opened = new Map();
          here.querySelectorAll('details[data-key]').forEach((d) => opened.set(d.dataset.key, d.open));
          const node = document.importNode(fresh, true);
          node.querySelectorAll('details[data-key]').forEach((d) => {
            if (opened.has(d.dataset.key)) d.open = opened.get(d.dataset.key);
          });
          here.replaceWith(node);
        }
        const status = doc.querySelector('.status');
        const shown = document.querySelector('.status');
        if (status && shown) shown.textContent = status.textContent;
        document.body.dataset.sequence = sequence;
      })
      .catch(() => {});
  };
  let source = null;
  const listen = () => {
    source = new EventSource(url);
    source.addEventListener('published', (e) => {
      if (e.data === last) return;
      last = e.data;
      setTimeout(() => refresh(e.data), Math.random() * 1000);
    });
  };
  listen();
  // A browser holds only a few connections per site (HTTP/1.1): a page left behind must give its
  // stream back at once, or the next pages wait for a free connection. Coming back reopens it.
  window.addEventListener('pagehide', () => { if (source) { source.close(); source = null; } });
  window.addEventListener('pageshow', (e) => { if (e.persisted && !source) { listen(); refresh(last); } });
})();

// Lobby screens in the town hall: move on to the next area after a while (a new page load also
// brings the newest numbers). Without JavaScript the page links to the next area instead.
(() => {
  const next = document.body && document.body.dataset.next;
  const cycle = document.body && Number(document.body.dataset.cycle);
  if (!next || !cycle) return;
  setTimeout(() => location.replace(next), cycle * 1000);
})();
