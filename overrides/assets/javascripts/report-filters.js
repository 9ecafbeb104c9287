/* Report finder filters. A topic page lists every route without JavaScript; with it, the
 * (otherwise hidden) form narrows the list as boxes are ticked. A route whose answer is not known
 * ("ask") stays listed: a filter never hides help for lack of data. Choices are never stored or
 * put in the address: a shared phone must not remember them. */
(function () {
  "use strict";

  var FLAGS = ["anonymous", "no-talking", "languages", "professional"];

  function setUp(form) {
    var list = document.querySelector("[data-csp-routes]");
    if (!list || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "yes");
    var routes = Array.prototype.slice.call(list.querySelectorAll("[data-csp-route]"));
    var groups = list.querySelectorAll("[data-csp-group]");
    var none = list.querySelector("[data-csp-none]");
    var count = form.querySelector("[data-csp-count]");

    function matches(route, wanted, within) {
      for (var i = 0; i < wanted.length; i++) {
        if (route.getAttribute("data-" + wanted[i]) === "no") return false;
      }
      return !within || within.indexOf(route.getAttribute("data-area")) !== -1;
    }

    function apply() {
      var wanted = FLAGS.filter(function (name) { return form.elements[name].checked; });
      var option = form.elements.area && form.elements.area.selectedOptions[0];  // no picker: national
      var within = option && option.value ? option.parentNode.getAttribute("data-within").split(" ") : null;
      var shown = 0;
      routes.forEach(function (route) {
        route.hidden = !matches(route, wanted, within);
        if (!route.hidden) shown += 1;
      });
      Array.prototype.forEach.call(groups, function (group) {
        group.hidden = !group.querySelector("[data-csp-route]:not([hidden])");
      });
      none.hidden = shown > 0;
      count.textContent = shown === routes.length
        ? "Showing all " + routes.length + " routes."
        : "Showing " + shown + " of " + routes.length + " routes.";
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector("[data-csp-clear]").addEventListener("click", function () {
      form.reset();
      apply();
    });
    form.hidden = false;
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-csp-filters]"), setUp);
  }

  // mkdocs-material announces each page, including those loaded by instant navigation.
  if (typeof window.document$ !== "undefined") window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
