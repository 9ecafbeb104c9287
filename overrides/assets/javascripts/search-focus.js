/* mkdocs-material dims the page behind its search box, and leaves it dimmed when keyboard focus
 * moves on. Close the search when focus leaves it, so the overlay never covers the focused
 * element (WCAG 2.4.11). Listening on the document survives instant navigation. */
(function () {
  "use strict";
  document.addEventListener("focusin", function (event) {
    var toggle = document.getElementById("__search");
    var search = document.querySelector(".md-search");
    if (!toggle || !toggle.checked || !search || search.contains(event.target)) return;
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
  });
})();
