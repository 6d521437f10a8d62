// Progressive enhancement only: every page works without this file.
// When a form comes back with errors, move focus to the summary so screen readers announce it.
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('.error-summary[tabindex]');
  if (summary) summary.focus();
});
