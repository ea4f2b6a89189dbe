// The warning before the idle time-out, after the GOV.UK timeout warning pattern: a modal dialog a
// few minutes before the session ends, with "Stay signed in" and "Sign out". JavaScript only: the
// dialog is in every signed-in page but only this script opens it. The server is the judge of how
// long is left: the page asks it (GET /session, which does not count as activity) before warning,
// so activity in another tab is taken into account.

/** The warning comes this long before the time-out, or half the idle time when that is shorter. */
const MOST_WARNING_SECONDS = 5 * 60;
/** The server notes activity once a minute: the session may end up to a minute before the page thinks. */
const SERVER_RESOLUTION_SECONDS = 60;
/** When the session cannot be asked about (the network), ask again after this long. */
const RETRY_MS = 30_000;

function inWords(seconds) {
  if (seconds >= 60) {
    const minutes = Math.ceil(seconds / 60);
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

function csrfToken() {
  const field = document.querySelector('form[action="/sign-out"] input[name="_csrf"]');
  return field ? field.value : '';
}

/**
 * Asks the server about the session. Answers its state, or `expired` when the page's form token is
 * no longer accepted (the person signed in again in another tab). Throws when there is no answer
 * to go by (the network, or the service unavailable): that is not being signed out.
 */
async function askServer(method, url) {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    body: method === 'POST' ? new URLSearchParams({ _csrf: csrfToken() }) : undefined,
  });
  if (response.status === 401) return { signedIn: false, secondsLeft: 0 };
  if (response.status === 403) return { expired: true };
  if (!response.ok) throw new Error(`The session could not be checked: ${response.status}`);
  return response.json();
}

/**
 * `page` says whether a form on the page has changes not yet saved, saves them (`flush`), and
 * hands them to the server to keep for after sign-in (`keep`). Answers `sessionUsed(secondsLeft)`,
 * for other requests that counted as activity.
 */
export function initTimeoutWarning(dialog, page) {
  const idleSeconds = Number(dialog.dataset.idleMinutes) * 60;
  if (!(idleSeconds > 0) || typeof dialog.showModal !== 'function') return { sessionUsed() {} };
  const warningSeconds = Math.min(MOST_WARNING_SECONDS, Math.floor(idleSeconds / 2));
  const countdown = dialog.querySelector('[data-timeout-countdown]');
  const unless = dialog.querySelector('[data-timeout-unless]');
  const limit = dialog.querySelector('[data-timeout-limit]');
  const announcer = dialog.querySelector('[data-timeout-announce]');
  const stay = dialog.querySelector('[data-timeout-stay]');
  const signOut = dialog.querySelector('[data-timeout-sign-out]');

  let deadline = 0;
  let timer = 0;
  let ticker = 0;
  let announced = '';
  let focusBefore = null;
  let closedByPage = false;

  function secondsToDeadline() {
    return Math.max(0, Math.round((deadline - Date.now()) / 1000));
  }

  /** The countdown on screen every second; for screen readers only when the minutes change. */
  function tick() {
    const seconds = secondsToDeadline();
    countdown.textContent = inWords(seconds);
    const words = seconds >= 60 ? inWords(seconds) : 'less than a minute';
    if (words !== announced) {
      announced = words;
      announcer.textContent = `We will sign you out in ${words}.`;
    }
  }

  function schedule(secondsLeft) {
    deadline = Date.now() + secondsLeft * 1000;
    clearTimeout(timer);
    timer = setTimeout(check, Math.max(0, (secondsLeft - warningSeconds) * 1000));
  }

  function open() {
    if (!dialog.open) {
      focusBefore = document.activeElement;
      // The dialog's description reads the time left as it opens: the live region starts from there.
      announced = inWords(secondsToDeadline());
      announcer.textContent = '';
      dialog.showModal();
      stay.focus();
    }
    tick();
    clearInterval(ticker);
    ticker = setInterval(tick, 1000);
  }

  function close() {
    clearInterval(ticker);
    if (dialog.open) {
      closedByPage = true;
      dialog.close();
    }
    if (focusBefore && document.contains(focusBefore)) focusBefore.focus();
    focusBefore = null;
  }

  /** The session has ended: what was typed goes to the server to keep, and the person to sign in. */
  function signedOut() {
    clearTimeout(timer);
    clearInterval(ticker);
    if (page.unsaved()) {
      page.keep();
      return;
    }
    const here = `${window.location.pathname}${window.location.search}`;
    window.location.assign(`/sign-in?returnTo=${encodeURIComponent(here)}&timedOut=yes`);
  }

  /** The page's token is from an earlier session: what was typed goes to the server to keep, or the page is loaded afresh. */
  function pageExpired() {
    clearTimeout(timer);
    clearInterval(ticker);
    if (page.unsaved()) page.keep();
    else window.location.reload();
  }

  async function check() {
    let state;
    try {
      state = await askServer('GET', '/session');
    } catch {
      timer = setTimeout(check, RETRY_MS);
      return;
    }
    if (!state.signedIn) return signedOut();
    if (state.secondsLeft > warningSeconds + 5) {
      // Used in another tab meanwhile.
      close();
      schedule(state.secondsLeft);
      return;
    }
    deadline = Date.now() + state.secondsLeft * 1000;
    open();
    // At the deadline, ask again: another tab may still have kept the session going.
    clearTimeout(timer);
    timer = setTimeout(check, state.secondsLeft * 1000 + 2000);
  }

  async function stayIn() {
    let state;
    try {
      state = await askServer('POST', '/session/keep-alive');
    } catch {
      return;
    }
    if (state.expired) return pageExpired();
    if (!state.signedIn) return signedOut();
    if (state.secondsLeft <= warningSeconds) {
      // The absolute time-out: no one may stay signed in longer, however active.
      limit.hidden = false;
      unless.hidden = true;
      stay.hidden = true;
      if (!dialog.open) open();
      signOut.focus();
      return;
    }
    close();
    schedule(state.secondsLeft);
  }

  stay.addEventListener('click', stayIn);
  // Escape means "stay signed in", as in the GOV.UK pattern.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    stayIn();
  });
  // Browsers may close a dialog on Escape without asking (a second Escape, for one): that too means stay.
  dialog.addEventListener('close', () => {
    if (closedByPage) {
      closedByPage = false;
      return;
    }
    clearInterval(ticker);
    stayIn();
  });
  signOut.addEventListener('click', async () => {
    try {
      await page.flush();
    } catch {
      // Signing out goes ahead: the person asked for it.
    }
    const form = document.querySelector('form[action="/sign-out"]');
    if (form) form.submit();
    else window.location.assign('/sign-in');
  });

  // Loading this page counted as activity, though the server may have noted it up to a minute ago.
  schedule(Math.max(0, idleSeconds - SERVER_RESOLUTION_SECONDS));

  return {
    sessionUsed(secondsLeft) {
      if (secondsLeft > warningSeconds) close();
      schedule(secondsLeft);
    },
  };
}
