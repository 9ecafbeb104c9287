/* Exit this page: leave at once for a neutral site, as the GOV.UK Design System component does.
 * The header's link works without JavaScript; with it, the page is hidden immediately and
 * replaced with location.replace, so the Back button does not return here. Pressing Shift three
 * times within five seconds does the same, with the component's press indicator, a "Loading"
 * overlay and a message when the key sequence expires. Links into and within the report section
 * replace the history entry too, so a visit to the help pages leaves one entry, which the exit
 * replaces: Back then leads to the page before this site. Listeners sit on the document. */
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
    var overlay = document.createElement("div");
    overlay.className = "csp-exit-overlay";
    overlay.setAttribute("role", "alert");
    overlay.textContent = "Loading.";
    document.body.appendChild(overlay);
    document.documentElement.classList.add("csp-exiting");
    document.title = "Loading";
    window.location.replace(exitUrl());
  }

  function indicate(count) {
    var link = document.querySelector("[data-csp-exit]");
    if (!link) return;
    var dots = link.querySelector(".csp-exit-indicator");
    if (!dots) {
      dots = document.createElement("span");
      dots.className = "csp-exit-indicator";
      dots.setAttribute("aria-hidden", "true");
      link.appendChild(dots);
    }
    dots.textContent = count ? "\u25CF".repeat(count) + "\u25CB".repeat(PRESSES - count) : "";
  }

  function inReport(link) {
    if (!link.href || link.origin !== window.location.origin || link.target) return false;
    var root = document.querySelector("[data-csp-exit]");
    var base = root && root.getAttribute("data-csp-report");
    return base && link.pathname.indexOf(new URL(base, window.location.href).pathname) === 0;
  }

  function say(text) {
    var status = document.querySelector("[data-csp-exit-status]");
    if (status) status.textContent = text;
  }

  document.addEventListener("click", function (event) {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var link = event.target.closest && event.target.closest("a");
    if (!link) return;
    if (link.hasAttribute("data-csp-exit")) {
      event.preventDefault();
      exit();
    } else if (inReport(link)) {
      event.preventDefault();
      window.location.replace(link.href);  // one history entry for the whole help section
    }
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      presses = 0;  // Shift with a letter is typing, not a signal
      return;
    }
    if (event.repeat) return;
    presses += 1;
    clearTimeout(timer);
    indicate(presses);
    if (presses >= PRESSES) {
      presses = 0;
      say("Exiting this page");
      exit();
      return;
    }
    var left = PRESSES - presses;
    say("Shift, press " + left + " more time" + (left === 1 ? "" : "s") + " to exit.");
    timer = setTimeout(function () {
      presses = 0;
      indicate(0);
      say("Exit this page expired.");
    }, WINDOW_MS);
  }, true);

  // Coming Back from the neutral site can restore this page from the cache, still hidden.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.documentElement.classList.remove("csp-exiting");
    Array.prototype.forEach.call(document.querySelectorAll(".csp-exit-overlay"), function (o) { o.remove(); });
  });
})();
