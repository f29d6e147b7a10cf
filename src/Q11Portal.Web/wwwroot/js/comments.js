// The article page is output-cached and shared by every reader, so its comment form carries nothing per reader. When
// the reader first uses the form (focus or typing), this fetches a fresh signed form token (the minimum form age
// counts from then) and loads the ALTCHA widget, which fetches its own challenge. A page that rendered a token itself
// (the form page after a refused post) keeps it.
const form = document.getElementById('binh-luan-form');

const loadAltcha = async () => {
  const [i18n, widget] = (form.dataset.altchaScripts || '').split(' ');
  if (i18n) {
    await import(i18n);
  }
  if (widget) {
    await import(widget);
  }
  // The widget's external build ships no worker of its own: register the proof-of-work worker as a plain
  // same-origin file, so a Content-Security-Policy without 'unsafe-inline' or blob: workers still lets it run.
  const workerUrl = new URL(form.dataset.altchaWorker, document.baseURI).href;
  for (const algorithm of ['SHA-256', 'SHA-384', 'SHA-512']) {
    globalThis.$altcha?.algorithms.set(algorithm, () => new Worker(workerUrl));
  }
  // The focus that loaded the widget came before it existed, so its own "on focus" start never saw it: a reader who
  // stays in one field would wait for ever. Start it now, unless a later focus already did.
  await customElements.whenDefined('altcha-widget');
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const altcha = form.querySelector('altcha-widget');
  if (altcha && typeof altcha.verify === 'function' && form.contains(document.activeElement)
      && (typeof altcha.getState !== 'function' || altcha.getState() === 'unverified')) {
    altcha.verify();
  }
};

const fetchToken = async () => {
  const field = form.querySelector('input[name=FormToken]');
  if (!field || field.value || !form.dataset.tokenUrl) {
    return;
  }
  const response = await fetch(form.dataset.tokenUrl, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } });
  if (response.ok) {
    field.value = (await response.json()).token;
  }
};

let started = null;
const start = () => {
  started ??= Promise.allSettled([fetchToken(), loadAltcha()]);
  return started;
};

if (form) {
  form.addEventListener('focusin', start, { once: true });
  form.addEventListener('input', start, { once: true });
  // A reader who submits before the token came (autofill and Enter) waits for it instead of posting none; once only,
  // so an unreachable server gets the post and answers with its own message.
  let waited = false;
  form.addEventListener('submit', (event) => {
    const field = form.querySelector('input[name=FormToken]');
    if (!waited && field && !field.value && form.dataset.tokenUrl) {
      waited = true;
      event.preventDefault();
      start().then(fetchToken).finally(() => form.requestSubmit());
    }
  });
}

// After a refused post, move focus to the list of reasons so screen readers announce it; after sending, to the notice.
// On the form page this also starts the form, so the widget is ready.
document.getElementById('binh-luan-loi')?.focus();
document.getElementById('binh-luan-da-gui')?.focus();
