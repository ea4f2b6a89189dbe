// Progressive enhancement only: every page works without this file.
import { initAll } from '/assets/govuk/govuk-frontend.min.js';
import { initAutosave } from './autosave.js';
import { initTimeoutWarning } from './timeout-warning.js';

initAll();

let warning = null;
const autosaves = [...document.querySelectorAll('form[data-autosave-url]')].map((form) =>
  initAutosave(form, { sessionUsed: (secondsLeft) => warning?.sessionUsed(secondsLeft) }),
);
const dialog = document.querySelector('dialog[data-timeout-warning]');
if (dialog) {
  warning = initTimeoutWarning(dialog, {
    unsaved: () => autosaves.some((a) => a.unsaved()),
    flush: () => Promise.all(autosaves.map((a) => a.flush())),
    keep: () => autosaves.find((a) => a.unsaved())?.keep(),
  });
}
