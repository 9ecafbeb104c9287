/* Funding explorer. Without JavaScript the funded projects are one plain table with its total;
 * with it, the (otherwise hidden) form filters the rows, the column headings sort them, and the
 * total and count follow what is shown. The filters are kept in the address (?year=2019/20&funder=x),
 * so a filtered view can be linked and cited, and restored from it on load; "Download these rows"
 * saves the rows shown as CSV. Nothing is stored. (These are public records, not a resident's
 * choices: the report finder never puts anything in the address.) */
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

    var FILTERS = ["year", "funder", "area", "priorities"];

    function shows(row) {
      var wanted = FILTERS;
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
      var unstated = 0;  // projects whose report gives no amount: counted, never taken as £0
      rows.forEach(function (row) {
        row.hidden = !shows(row);
        if (!row.hidden) {
          shown += 1;
          var amount = row.getAttribute("data-amount");
          if (amount === "") unstated += 1;
          else sum += Number(amount);
        }
      });
      var and = unstated ? " and " + unstated + " of unstated amount" : "";
      total.textContent = money.format(sum) + and;
      totalLabel.textContent = (shown === rows.length ? "Total (" : "Total of those shown (") + shown +
        " project" + (shown === 1 ? "" : "s") + ")";
      count.textContent = shown === rows.length
        ? "Showing all " + rows.length + " projects, " + money.format(sum) + and + "."
        : "Showing " + shown + " of " + rows.length + " projects, " + money.format(sum) + and + ".";
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

    // The address: each chosen filter as a parameter, restored from it on load.
    function restore() {
      var params = new URLSearchParams(window.location.search);
      FILTERS.forEach(function (name) {
        var field = form.elements[name];
        var wanted = params.get(name);
        if (!field || wanted === null) return;
        var known = Array.prototype.some.call(field.options, function (o) { return o.value === wanted; });
        field.value = known ? wanted : "";
      });
    }

    function remember() {
      var params = new URLSearchParams(window.location.search);
      FILTERS.forEach(function (name) {
        var field = form.elements[name];
        if (field && field.value) params.set(name, field.value);
        else params.delete(name);
      });
      var query = params.toString();
      window.history.replaceState(window.history.state, "",
        window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }

    // "Download these rows": the rows shown, as the table shows them, as CSV. A cell that a
    // spreadsheet would run as a formula starts with an apostrophe instead, as safe_cell in
    // macros/figures/spreadsheet.py does (tests/exports/test_csv.py runs both on the same cells).
    function cellText(cell) {
      var copy = cell.cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll(".csp-cite, .csp-visually-hidden"),
                                   function (hidden) { hidden.remove(); });
      return copy.textContent.replace(/\s+/g, " ").trim();
    }

    function csvCell(text) {
      if (/^[=+\-@\t\r]/.test(text) && !/^[-+]?[0-9]+(\.[0-9]+)?$/.test(text)) text = "'" + text;
      return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
    }

    function shownCsv() {
      var headings = headers.map(function (th) { return th.textContent.trim(); });
      var lines = [headings.concat(["Page"]).map(csvCell).join(",")];
      rows.forEach(function (row) {
        if (row.hidden) return;
        var cells = Array.prototype.map.call(row.children, function (cell, i) {
          return headers[i] && headers[i].getAttribute("data-csp-sort") === "amount"
            ? row.getAttribute("data-amount") : cellText(cell);
        });
        var link = row.querySelector("a[href]");
        cells.push(link ? link.href : "");
        lines.push(cells.map(csvCell).join(","));
      });
      return lines.join("\r\n") + "\r\n";
    }

    var download = form.querySelector("[data-csp-download-rows]");
    if (download) {
      download.addEventListener("click", function () {
        var blob = new Blob(["\ufeff" + shownCsv()], { type: "text/csv;charset=utf-8" });
        var link = document.createElement("a");
        var parts = FILTERS.map(function (name) { var f = form.elements[name]; return f && f.value; })
          .filter(Boolean).map(function (v) { return v.replace(/[^A-Za-z0-9]+/g, "-"); });
        link.href = URL.createObjectURL(blob);
        link.download = ["funded-projects"].concat(parts).join("-") + ".csv";
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
      });
    }

    form.addEventListener("change", function () { apply(); remember(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(); remember(); }, 0); });
    form.hidden = false;
    restore();
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-csp-explorer]"), setUp);
  }

  if (typeof window.document$ !== "undefined") window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
