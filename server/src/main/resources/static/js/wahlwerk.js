// Progressive enhancement only: every page works without this file.
// When a form comes back with errors, move focus to the summary so screen readers announce it.
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('.error-summary[tabindex]');
  if (summary) summary.focus();
});

// Quick-report form: Enter moves to the next field like Tab (the last field submits), running sums
// next to the totals, and the server's checks shown at the field while typing.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('report');
  if (!form) return;
  const inputs = Array.from(form.querySelectorAll('input.count'));
  inputs.forEach((input, i) => {
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        const next = inputs[i + 1] || form.querySelector('button[type=submit]');
        next.focus();
        if (next.select) next.select();
      }
    });
  });
  const value = (letter) => {
    const el = form.querySelector('input[data-letter="' + letter + '"]');
    return el && el.value.trim() !== '' ? Number(el.value) : null;
  };
  const showSums = () => {
    ['D', 'F'].forEach((total) => {
      const parts = inputs.filter((el) => new RegExp('^' + total + '\\d+$').test(el.dataset.letter));
      const target = form.querySelector('input[data-letter="' + total + '"]');
      if (!target || parts.length === 0) return;
      const sum = parts.reduce((s, el) => s + (el.value.trim() === '' ? 0 : Number(el.value) || 0), 0);
      let span = target.parentElement.querySelector('.sum');
      if (!span) { span = document.createElement('span'); span.className = 'sum'; target.after(span); }
      span.textContent = 'Σ ' + sum.toLocaleString('de-DE');
    });
    const a = ['A1', 'A2', 'A3'].map(value);
    const aTarget = form.querySelector('input[data-letter="A"]');
    if (aTarget && a.every((x) => x !== null)) {
      let span = aTarget.parentElement.querySelector('.sum');
      if (!span) { span = document.createElement('span'); span.className = 'sum'; aTarget.after(span); }
      span.textContent = 'Σ ' + (a[0] + a[1] + a[2]).toLocaleString('de-DE');
    }
  };
  let timer = null;
  const check = () => {
    const url = form.dataset.check;
    if (!url) return;
    const body = new URLSearchParams(new FormData(form));
    fetch(url, { method: 'POST', body, headers: { 'Accept': 'application/json' } })
      .then((r) => r.ok ? r.json() : [])
      .then((findings) => {
        inputs.forEach((el) => {
          const out = document.getElementById('e-' + el.dataset.letter);
          if (out && !out.dataset.server) out.textContent = '';
          el.setAttribute('aria-invalid', 'false');
        });
        findings.forEach((f) => {
          const out = document.getElementById('e-' + f.field);
          const el = form.querySelector('input[data-letter="' + f.field + '"]');
          if (out) {
            out.textContent = (out.textContent ? out.textContent + ' ' : '') + f.message;
            out.className = f.severity === 'ERROR' ? 'error' : 'warning-text';
          }
          if (el && f.severity === 'ERROR') el.setAttribute('aria-invalid', 'true');
        });
      })
      .catch(() => {});
  };
  form.addEventListener('input', () => {
    showSums();
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  });
  showSums();
});

// Status board: refresh status line and table when a report changes (server-sent events).
document.addEventListener('DOMContentLoaded', () => {
  const main = document.querySelector('main[data-events]');
  if (!main || !window.EventSource) return;
  let pending = null;
  const refresh = () => {
    fetch(window.location.href, { headers: { 'Accept': 'text/html' } })
      .then((r) => r.text())
      .then((html) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        ['board', 'board-areas', 'board-status', 'timeline'].forEach((id) => {
          const fresh = doc.getElementById(id);
          const old = document.getElementById(id);
          if (fresh && old) old.replaceWith(fresh);
        });
      });
  };
  const source = new EventSource(main.dataset.events);
  ['report', 'results'].forEach((name) => source.addEventListener(name, () => {
    clearTimeout(pending);
    pending = setTimeout(refresh, 300);
  }));
});
