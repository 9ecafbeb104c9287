/* Exit this page: leave at once for a neutral site, as the GOV.UK Design System component does.
 * The header's link works without JavaScript; with it, the page is hidden immediately and
 * replaced with location.replace, so the Back button does not return here. Pressing Shift three
 * times within five seconds does the same. Listeners sit on the document, so they keep working
 * when mkdocs-material's instant navigation swaps the page without a reload. */
(function () {
  "use strict";
  var PRESSES = 3;
  var WINDOW_MS = 5000;
  var presses = 0;
  var timer = null;

  function exitUrl() {
    var link = document.querySelector("[data-csp-exit]");
    return link ? link.href : "about:blank";
  }

  function exit() {
    document.documentElement.classList.add("csp-exiting");
    document.title = "Loading";
    window.location.replace(exitUrl());
  }

  function say(text) {
    var status = document.querySelector("[data-csp-exit-status]");
    if (status) status.textContent = text;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-csp-exit]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    exit();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      presses = 0;  // Shift with a letter is typing, not a signal
      return;
    }
    if (event.repeat) return;
    presses += 1;
    clearTimeout(timer);
    if (presses >= PRESSES) {
      presses = 0;
      say("Exiting this page");
      exit();
      return;
    }
    var left = PRESSES - presses;
    say("Shift, press " + left + " more time" + (left === 1 ? "" : "s") + " to exit.");
    timer = setTimeout(function () { presses = 0; say(""); }, WINDOW_MS);
  }, true);

  // Coming Back from the neutral site can restore this page from the cache, still hidden.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) document.documentElement.classList.remove("csp-exiting");
  });
})();
