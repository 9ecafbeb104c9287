/* Funding explorer. Without JavaScript the funded projects are one plain table with its total;
 * with it, the (otherwise hidden) form filters the rows, the column headings sort them, and the
 * total and count follow what is shown. Nothing is stored or put in the address. */
(function () {
  "use strict";

  var money = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 0,
                                               maximumFractionDigits: 2 });

  function setUp(box) {
    var form = box.querySelector("[data-csp-explorer-filters]");
    var table = box.querySelector("table");
    if (!form || !table || box.getAttribute("data-ready")) return;
    box.setAttribute("data-ready", "yes");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.querySelectorAll("[data-csp-row]"));
    var total = table.querySelector("[data-csp-total]");
    var totalLabel = table.querySelector("[data-csp-total-label]");
    var count = form.querySelector("[data-csp-count]");

    function shows(row) {
      var wanted = ["year", "funder", "area", "priorities"];
      for (var i = 0; i < wanted.length; i++) {
        var field = form.elements[wanted[i]];  // a page of one year has no year filter
        var value = field ? field.value : "";
        if (!value) continue;
        var have = (row.getAttribute("data-" + wanted[i]) || "").split(" ");
        if (have.indexOf(value) === -1) return false;
      }
      return true;
    }

    function apply() {
      var shown = 0;
      var sum = 0;
      rows.forEach(function (row) {
        row.hidden = !shows(row);
        if (!row.hidden) {
          shown += 1;
          sum += Number(row.getAttribute("data-amount"));
        }
      });
      total.textContent = money.format(sum);
      totalLabel.textContent = (shown === rows.length ? "Total (" : "Total of those shown (") + shown +
        " project" + (shown === 1 ? "" : "s") + ")";
      count.textContent = shown === rows.length
        ? "Showing all " + rows.length + " projects, " + money.format(sum) + "."
        : "Showing " + shown + " of " + rows.length + " projects, " + money.format(sum) + ".";
    }

    // Sorting: each heading becomes a button; aria-sort says which column and which way.
    var headers = Array.prototype.slice.call(table.tHead.querySelectorAll("th[data-csp-sort]"));
    headers.forEach(function (th) {
      var key = th.getAttribute("data-csp-sort");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "csp-sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var index = Array.prototype.indexOf.call(th.parentNode.children, th);
        function value(row) {
          if (key === "amount") return Number(row.getAttribute("data-amount"));
          if (key === "date") return row.getAttribute("data-date");
          return row.children[index].textContent.trim();  // the names people read, not the ids
        }
        rows.sort(function (a, b) {
          var x = value(a);
          var y = value(b);
          var order = typeof x === "number" ? x - y : x.localeCompare(y, "en-GB");
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.hidden = false;
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-csp-explorer]"), setUp);
  }

  if (typeof window.document$ !== "undefined") window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
