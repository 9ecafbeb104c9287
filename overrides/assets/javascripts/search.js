/* Site search on Pagefind's JavaScript API (macros/build/search_index.py builds the index).
 * Nothing is fetched until someone opens the search. Then Pagefind brings its code and, for each
 * word typed, only the chunk of the index holding it, and each result's text in its own small
 * file. A large site is indexed in parts behind a router index: the router says which parts can
 * match, and only those are loaded, one at a time. Every file comes from this site, found from
 * this script's own address, so any page depth and a sub-path (GitHub Pages) both work.
 * What is typed is never stored, nor put in the address. */
(function () {
  "use strict";
  var PAGE = 10;             // results shown at a time
  var PARTS_PER_SEARCH = 2;  // parts of a large index loaded per search or "more": tens of KB each
  var DELAY_MS = 200;        // wait for a pause in typing
  // Exact words first: a record's id ("es-vawg") before the ids of its actions ("es-vawg-...").
  var RANKING = { termSimilarity: 5 };
  // Every word searched costs a chunk of each index loaded; these match nearly every page anyway.
  var COMMON = /^(a|an|and|at|by|for|from|in|is|of|on|or|the|to|with)$/i;

  var script = document.currentScript;
  if (!script || !window.fetch || !window.Promise) return;
  var bundle = new URL("../../pagefind/", script.src).href;  // from assets/javascripts/search.js

  var engine = null;
  var bets = [];       // best bets for help, from the A to Z   // a promise of {pagefind, parts}, once loading starts
  var merged = {};     // parts of a large index loaded (or loading) so far
  var merging = Promise.resolve();  // searches wait for parts still loading
  var state = null;    // the current search: term, page results, parts still to load, shown
  var latest = 0;
  var timer = null;

  function el(name) { return document.querySelector("[data-csp-search" + (name ? "-" + name : "") + "]"); }

  function load() {
    if (!engine) {
      engine = Promise.all([
        import(bundle + "pagefind.js").then(function (pagefind) {
          return pagefind.options({ excerptLength: 24, ranking: RANKING })
            .then(function () { return pagefind.init(); })
            .then(function () { return pagefind; });
        }),
        fetch(bundle + "partitions.json").then(function (r) { return r.json(); }),
        loadBets()
      ]).then(function (all) {
        bets = all[2];
        return { pagefind: all[0], parts: all[1] };
      });
      engine.catch(function () { engine = null; });  // let the next attempt try again
    }
    return engine;
  }

  // Best bets for help: the A to Z page (built from the data: topics, their other names, towns)
  // says which page answers a query naming a topic or a town, and that page comes first.
  function loadBets() {
    var atoz = el("atoz");
    if (!atoz) return Promise.resolve([]);
    var from = atoz.href;
    return fetch(from).then(function (r) { return r.text(); }).then(function (text) {
      var doc = new DOMParser().parseFromString(text, "text/html");
      return Array.prototype.map.call(doc.querySelectorAll(".csp-a-z li"), function (li) {
        var a = li.querySelector("a");
        var within = li.textContent.slice(a.textContent.length).replace(/[()]/g, "").trim();
        return { words: words(a.textContent), name: a.textContent, within: within,
                 url: new URL(a.getAttribute("href"), from).href };
      });
    }).catch(function () { return []; });
  }

  function words(text) { return " " + text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim() + " "; }

  function bestBet(bets, term) {
    // A query written as an id (one word with two hyphens or more) looks for that record itself.
    if (/^\s*[a-z0-9]+(-[a-z0-9]+){2,}\s*$/i.test(term)) return null;
    var q = words(term), best = null;
    [true, false].some(function (help) {
      bets.forEach(function (bet) {
        var isHelp = bet.url.indexOf("/report/") !== -1;
        if (isHelp === help && q.indexOf(bet.words) !== -1 && (!best || bet.words.length > best.words.length)) {
          best = bet;
        }
      });
      return best;
    });
    if (!best) return null;
    var isHelp = best.url.indexOf("/report/") !== -1;
    var title = isHelp ? (bets.filter(function (b) { return b.url === best.url && !b.within; })[0] || best).name
      : best.within;
    var text = isHelp ? "Who to contact, and how: " + title + "." : "Help and local services: " + title + ".";
    return { id: "best:" + best.url, url: best.url, data: function () {
      return Promise.resolve({ url: best.url, meta: { title: title }, excerpt: text, plain_excerpt: text });
    } };
  }

  // The pages found, and the parts (of a large index) that may hold more but are not loaded yet.
  // The router says which parts can match, judging the whole site as one index would; results
  // are kept to those parts, because a part loaded for an earlier search, lacking a word such as
  // an id ("es-vawg"), would match its pieces ("es", "vawg") and crowd out the real match.
  function run(search, term) {
    return merging.then(function () { return search.pagefind.search(term); }).then(function (found) {
      var pages = [], routed = [];
      (found ? found.results : []).forEach(function (result) {
        var part = search.parts[result.id];
        if (part) routed.push(part);
        else pages.push(result);
      });
      if (!routed.length) return { pages: pages, parts: [] };  // one index, or nothing matches
      var ready = routed.filter(function (part) { return merged[part]; });
      var pending = routed.filter(function (part) { return !merged[part]; });
      if (!ready.length) return { pages: [], parts: pending };
      return search.pagefind.search(term, { filters: { part: { any: ready } } }).then(function (inParts) {
        return { pages: inParts ? inParts.results : [], parts: pending };
      });
    });
  }

  // Search; while fewer than `wanted` results are found, load the next part that may match (best
  // first) and search again, showing what is found so far (`partial`), up to PARTS_PER_SEARCH
  // parts: a query of common words can match in every part, and a phone should not fetch them all
  // unasked.
  function find(query, wanted, partial) {
    var budget = PARTS_PER_SEARCH;
    return load().then(function (search) {
      return run(search, query).then(function step(found) {
        if (found.pages.length >= wanted || !found.parts.length || !budget) return found;
        if (found.pages.length) partial(found);
        var part = found.parts[0];
        budget -= 1;
        merged[part] = true;
        var options = { ranking: RANKING, mergeFilter: { part: part } };  // tags its pages, for run()
        merging = merging.then(function () {
          return search.pagefind.mergeIndex(bundle + part, options).catch(function () {});  // no retry loop
        });
        return run(search, query).then(step);
      });
    });
  }

  // The words worth searching for: common ones dropped, unless that leaves none or it is a phrase.
  function essential(term) {
    if (term.indexOf('"') !== -1) return term;
    var words = term.split(/\s+/).filter(function (word) { return !COMMON.test(word); });
    return words.length ? words.join(" ") : term;
  }

  // The excerpt as text, with the words Pagefind matched marked: never parsed as HTML, since it is
  // the site's own text, which can contain anything a council typed.
  function excerpt(data) {
    var p = document.createElement("p");
    p.className = "csp-search__excerpt";
    var plain = data.plain_excerpt.split(" "), marked = data.excerpt.split(" ");
    plain.forEach(function (word, i) {
      if (i) p.appendChild(document.createTextNode(" "));
      if (plain.length === marked.length && marked[i] !== word) {
        var mark = document.createElement("mark");
        mark.textContent = word;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(word));
      }
    });
    return p;
  }

  function item(data) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.className = "csp-search__link";
    link.textContent = data.meta.title || data.url;
    li.appendChild(link);
    li.appendChild(excerpt(data));
    return li;
  }

  function say(text) { el("status").textContent = text; }

  // Busy while a search is still loading parts, though it may already show some results.
  function busy(on) {
    if (on) el("results").setAttribute("aria-busy", "true");
    else el("results").removeAttribute("aria-busy");
  }

  function describe(s) {
    var quoted = "\u201c" + s.term + "\u201d";
    if (!s.pages.length && !s.parts.length) return "No results for " + quoted + ".";
    var count = s.pages.length === 1 ? "1 result" : s.pages.length + " results";
    if (!s.parts.length) return count[0].toUpperCase() + count.slice(1) + " for " + quoted + ".";
    if (!s.pages.length) return "No results yet for " + quoted + "; more of the site can be searched.";
    return "At least " + count + " for " + quoted + ".";
  }

  // Show the next PAGE results; `focus` moves focus to the first new one (after "Show more").
  function showMore(s, focus) {
    var fresh = s.pages.filter(function (r) { return !s.shown[r.id]; }).slice(0, PAGE);
    return Promise.all(fresh.map(function (r) { return r.data(); })).then(function (datas) {
      if (s !== state) return;
      var list = el("results"), added = 0;
      datas.forEach(function (data, i) {
        s.shown[fresh[i].id] = true;
        // the best bet is shown first, and not again where the index finds it too
        if (s.best && fresh[i] !== s.best && new URL(data.url, window.location.href).href === s.best.url) return;
        list.appendChild(item(data));
        added += 1;
      });
      say(describe(s));
      var unshown = s.pages.some(function (r) { return !s.shown[r.id]; });
      el("more").hidden = !(unshown || s.parts.length);
      el("more").textContent = unshown ? "Show more results" : "Search more of the site";
      if (focus && added) list.children[list.children.length - added].firstChild.focus();
    });
  }

  function search(term) {
    var id = ++latest;
    term = term.trim();
    if (!term) {
      state = null;
      el("results").textContent = "";
      el("more").hidden = true;
      busy(false);
      say("");
      return;
    }
    var query = essential(term);
    function show(found, final) {
      if (id !== latest) return;
      var best = bestBet(bets, term);
      state = { term: term, query: query, pages: best ? [best].concat(found.pages) : found.pages,
                parts: found.parts, shown: {}, best: best };
      el("results").textContent = "";
      return showMore(state, false).then(function () {
        if (id !== latest) return;
        if (final) busy(false);
        else el("more").hidden = true;  // more is on its way
      });
    }
    busy(true);
    find(query, PAGE, show).then(function (found) { return show(found, true); }).catch(function () {
      if (id !== latest) return;
      busy(false);
      say("Search could not load. Check your connection and try again.");
    });
  }

  function more() {
    var s = state;
    if (!s) return;
    var wanted = Object.keys(s.shown).length + PAGE;
    var ready = s.pages.length >= wanted || !s.parts.length;
    busy(true);
    (ready ? Promise.resolve(s) : find(s.query, wanted, function () {})).then(function (found) {
      if (s !== state) return;
      s.pages = found.pages;
      s.parts = found.parts;
      return showMore(s, true);
    }).then(function () { if (s === state) busy(false); });
  }

  function isOpen() { return el() && !el().hidden; }

  function open() {
    el().hidden = false;
    el("toggle").setAttribute("aria-expanded", "true");
    el("input").focus();
    load().catch(function () { say("Search could not load. Check your connection and try again."); });
  }

  function close(returnFocus) {
    if (!isOpen()) return;
    el().hidden = true;
    el("toggle").setAttribute("aria-expanded", "false");
    if (returnFocus) el("toggle").focus();
  }

  function inside(target) {
    return target && target.closest && target.closest("[data-csp-search], [data-csp-search-toggle]");
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));
  }

  function links() { return Array.prototype.slice.call(el("results").querySelectorAll("a")); }

  document.addEventListener("click", function (event) {
    if (!event.target.closest) return;
    if (event.target.closest("[data-csp-search-toggle]")) return isOpen() ? close(false) : open();
    if (event.target.closest("[data-csp-search-more]")) return more();
    if (event.target.closest(".csp-search__link")) return close(false);  // the page changes
    if (isOpen() && !inside(event.target)) close(false);
  });

  document.addEventListener("input", function (event) {
    if (!event.target.matches || !event.target.matches("[data-csp-search-input]")) return;
    clearTimeout(timer);
    var term = event.target.value;
    timer = setTimeout(function () { search(term); }, DELAY_MS);
  });

  document.addEventListener("submit", function (event) {
    if (!event.target.matches || !event.target.matches("[data-csp-search-form]")) return;
    event.preventDefault();  // results show as you type; Enter goes to the first
    if (links()[0]) links()[0].focus();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen()) {
      event.preventDefault();
      close(true);
    } else if (event.key === "/" && !typing(event.target) && !event.ctrlKey && !event.metaKey &&
               !event.altKey && el("toggle") && !el("toggle").hidden) {
      event.preventDefault();
      open();
    } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && inside(event.target)) {
      var stops = [el("input")].concat(links());
      var at = stops.indexOf(document.activeElement);
      if (at < 0) return;
      event.preventDefault();
      stops[(at + (event.key === "ArrowDown" ? 1 : stops.length - 1)) % stops.length].focus();
    }
  });

  // Close when focus moves on, so the open panel never covers the focused element (WCAG 2.4.11).
  document.addEventListener("focusin", function (event) {
    if (isOpen() && !inside(event.target)) close(false);
  });

  function show() {
    var toggle = el("toggle");
    if (toggle) toggle.hidden = false;
    var atoz = el("atoz");
    if (toggle && atoz) atoz.hidden = true;  // the search panel links to it instead
  }
  // mkdocs-material announces each page, including those loaded by instant navigation.
  if (typeof window.document$ !== "undefined") window.document$.subscribe(show);
  else document.addEventListener("DOMContentLoaded", show);
})();
