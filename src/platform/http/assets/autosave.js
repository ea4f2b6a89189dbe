// Saves an assessment section as the officer types: after a pause, and when they leave the page.
// JavaScript only: without it, the form's buttons save, and a form posted after the session timed
// out is kept by the server for after sign-in. Each save names the version of the section the
// page holds; when someone else saved it meanwhile nothing is written, and the officer is told to
// save with the button, which shows both versions.

/** Saved after the officer has stopped typing for this long. */
const PAUSE_MS = 20_000;
/** Browsers let a request outlive its page only when it is small (64 KiB). */
const KEEPALIVE_LIMIT = 60_000;

const SAVE_LATER = 'Select ‘Save and come back later’';

const MESSAGES = {
  conflict: `Your changes have not been saved automatically: someone else changed this section after you opened it. ${SAVE_LATER} to see both versions.`,
  expired: `Your changes have not been saved automatically because this page has expired. ${SAVE_LATER} to keep them.`,
  failed: `Your changes have not been saved automatically. ${SAVE_LATER} to save them.`,
  signedOut: 'You have been signed out. Keeping what you typed for when you sign in again.',
};

/** `sessionUsed(secondsLeft)` is told when a save counted as activity. */
export function initAutosave(form, { sessionUsed }) {
  const url = form.dataset.autosaveUrl;
  const version = form.querySelector('input[name="rowVersion"]');
  const status = document.createElement('p');
  status.className = 'govuk-body-s probity-autosave-status';
  status.setAttribute('role', 'status');
  form.insertBefore(status, form.querySelector('.govuk-button-group'));

  let edits = 0;
  let savedEdits = 0;
  let timer = 0;
  let inFlight = null;
  let stopped = false;
  let submitting = false;

  const unsaved = () => edits !== savedEdits;

  function show(text, problem = false) {
    status.textContent = text;
    status.classList.toggle('probity-autosave-status--problem', problem);
  }

  async function settle(response, upTo) {
    const answer = await response.json().catch(() => ({}));
    if (response.ok && answer.saved) {
      if (version) version.value = String(answer.rowVersion);
      savedEdits = upTo;
      show(`Saved at ${answer.savedAt}`);
      if (typeof answer.secondsLeft === 'number') sessionUsed(answer.secondsLeft);
    } else if (response.status === 409) {
      // Nothing was written. The page keeps the version it was opened with, so the button's save
      // meets the conflict and shows both versions.
      stopped = true;
      show(MESSAGES.conflict, true);
    } else if (response.status === 401) {
      show(MESSAGES.signedOut, true);
      keep();
    } else if (response.status === 400 && Array.isArray(answer.problems) && answer.problems.length) {
      show(`Not saved automatically: ${answer.problems[0].message}.`, true);
    } else if (response.status === 403 && answer.reason === 'form-expired') {
      stopped = true;
      show(MESSAGES.expired, true);
    } else {
      show(MESSAGES.failed, true);
    }
  }

  /** Saves what is on the page, unless nothing changed since the last save. */
  async function save({ closing = false } = {}) {
    clearTimeout(timer);
    while (inFlight) await inFlight;
    if (stopped || submitting || !unsaved()) return;
    const upTo = edits;
    const body = new URLSearchParams(new FormData(form));
    inFlight = fetch(url, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      keepalive: closing && body.toString().length < KEEPALIVE_LIMIT,
    })
      .then((response) => settle(response, upTo))
      .catch(() => show(MESSAGES.failed, true))
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  /** Posts the form as the buttons do: with the session over, the server keeps it for after sign-in. */
  function keep() {
    clearTimeout(timer);
    submitting = true;
    form.submit();
  }

  function changed() {
    edits += 1;
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(save, PAUSE_MS);
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', (event) => {
    clearTimeout(timer);
    if (inFlight) {
      // Let the save under way finish first, so the button's save names the version it made.
      event.preventDefault();
      const submitter = event.submitter;
      inFlight.then(() => {
        if (typeof form.requestSubmit === 'function') form.requestSubmit(submitter);
        else form.submit();
      });
      return;
    }
    submitting = true;
  });
  const leave = () => {
    if (!submitting && unsaved()) save({ closing: true });
  };
  window.addEventListener('pagehide', leave);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') leave();
  });

  return { unsaved: () => !submitting && unsaved(), flush: () => save(), keep };
}
