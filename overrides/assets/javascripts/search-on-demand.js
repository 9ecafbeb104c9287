/* mkdocs-material downloads the whole search index (about 75 KB compressed for the Suffolk data)
 * as soon as any page loads. Hold that one request back until someone starts to search, so a
 * resident's first visit to a report page stays light. Loaded before mkdocs-material's bundle,
 * which fetches with XMLHttpRequest; every other request passes through untouched. */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var release;
  var wanted = new Promise(function (resolve) { release = resolve; });
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.cspDeferred = INDEX.test(String(url).split("?")[0]);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.cspDeferred) return send.apply(request, args);
    wanted.then(function () { send.apply(request, args); });
  };

  function inSearch(target) {
    return target && target.closest && target.closest(".md-search, [for='__search']");
  }
  document.addEventListener("focusin", function (event) { if (inSearch(event.target)) release(); });
  document.addEventListener("pointerdown", function (event) { if (inSearch(event.target)) release(); });
  document.addEventListener("keydown", function (event) {
    // mkdocs-material opens search on "/", "s" or "f" typed outside a form field
    if (!/^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName) && /^[sf/]$/.test(event.key)) release();
  });
})();
