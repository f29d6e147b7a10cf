// The ALTCHA widget's external build ships no worker of its own: register the proof-of-work worker as a plain
// same-origin file, so a Content-Security-Policy without 'unsafe-inline' or blob: workers still lets it run.
const workerUrl = new URL('../lib/altcha/workers/sha.js', import.meta.url).href;
for (const algorithm of ['SHA-256', 'SHA-384', 'SHA-512']) {
  globalThis.$altcha?.algorithms.set(algorithm, () => new Worker(workerUrl));
}

// After a refused post, move focus to the list of reasons so screen readers announce it; after sending, to the notice.
document.getElementById('binh-luan-loi')?.focus();
document.getElementById('binh-luan-da-gui')?.focus();
