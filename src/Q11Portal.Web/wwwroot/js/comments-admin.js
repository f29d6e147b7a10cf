// "Select all" for the moderation queue: shown only when scripts run; without it each row is ticked by hand.
const all = document.getElementById('select-all');
if (all) {
  const boxes = () => document.querySelectorAll('#comment-bulk input[name="ids"]');
  all.hidden = false;
  all.addEventListener('change', () => boxes().forEach(b => { b.checked = all.checked; }));
}
