// Behaviour shared by every page. Inputs come from data-* attributes only:
// the Content-Security-Policy forbids inline script and on* attributes.
"use strict";

// A form with data-confirm="question" asks before it is sent.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm) {
    if (!window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  }
}, true);
