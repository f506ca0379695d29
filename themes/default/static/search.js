// Instant search on the search page, over the index planpress wrote beside it
// (search-index.*.js, which sets PLANPRESS_SEARCH). Without JavaScript the page shows its
// A to Z instead, and the search form stays hidden. Nothing is asked of any other host.
(function () {
  "use strict";
  var index = window.PLANPRESS_SEARCH;
  var box = document.getElementById("search");
  if (!index || !box) return;
  var input = document.getElementById("search-box");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var form = box.querySelector("form");
  var LIMIT = 50;

  // The words of a text as the index holds them: runs of letters and digits, lower case.
  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w; });
  }

  // The items each word is in, from its gaps.
  function posting(i) {
    var gaps = index.postings[i];
    var out = [];
    var at = 0;
    for (var g = 0; g < gaps.length; g++) { at += gaps[g]; out.push(at); }
    return out;
  }

  // The first word of the sorted list not before `w`.
  function firstFrom(w) {
    var lo = 0, hi = index.words.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (index.words[mid] < w) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // Items holding a word that starts with `w`: the last word typed may be unfinished.
  function matching(w) {
    var found = new Set();
    for (var i = firstFrom(w); i < index.words.length && index.words[i].startsWith(w); i++) {
      posting(i).forEach(function (n) { found.add(n); });
    }
    return found;
  }

  function search(query) {
    var ws = words(query);
    if (!ws.length) return null;
    var hits = null;
    ws.forEach(function (w) {
      var m = matching(w);
      hits = hits === null ? m : new Set(Array.from(hits).filter(function (n) { return m.has(n); }));
    });
    // Items whose title holds every word come first; otherwise A to Z order.
    var scored = Array.from(hits).map(function (n) {
      var title = words(index.items[n][1]);
      var inTitle = ws.every(function (w) { return title.some(function (t) { return t.startsWith(w); }); });
      return [inTitle ? 0 : 1, n];
    });
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return scored.map(function (s) { return s[1]; });
  }

  // What to say of `n` results for `query`, in the page's language: the page holds the words
  // (data-none, and data-found-<form> and data-first-<form> for each plural form the
  // language has), and the browser's plural rules pick the form of `n`.
  var plural = null;
  try { plural = new Intl.PluralRules(document.documentElement.lang || "en"); } catch (e) { plural = null; }
  function say(what, n, query) {
    var text = box.getAttribute("data-" + what);
    if (text === null) {
      var form = plural ? plural.select(n) : "other";
      text = box.getAttribute("data-" + what + "-" + form);
      if (text === null) text = box.getAttribute("data-" + what + "-other") || "";
    }
    return text.replace(/\{(n|q|limit)\}/g, function (_, name) {
      return name === "n" ? String(n) : name === "q" ? query : String(LIMIT);
    });
  }

  var timer = null;
  function show() {
    var query = input.value.trim();
    var found = search(query);
    list.textContent = "";
    // A count waiting to be said is for a search no longer shown.
    clearTimeout(timer);
    if (found === null) { status.textContent = ""; return; }
    found.slice(0, LIMIT).forEach(function (n) {
      var item = index.items[n];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = item[2];
      a.textContent = item[1];
      // An item not yet translated into the page's language is in the plan's first.
      if (item[4]) a.lang = item[4];
      li.appendChild(a);
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = " (" + index.kinds[item[0]] + ")";
      li.appendChild(kind);
      if (item[3]) {
        var p = document.createElement("p");
        p.textContent = item[3];
        if (item[4]) p.lang = item[4];
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    // Said once the reader pauses, not at every key.
    timer = setTimeout(function () {
      var n = found.length;
      status.textContent = n === 0 ? say("none", n, query) : say(n > LIMIT ? "first" : "found", n, query);
    }, 400);
  }

  // Down arrow from the box goes to the first result, and up and down move between them.
  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown" && links().length) { e.preventDefault(); links()[0].focus(); }
    if (e.key === "Escape") { input.value = ""; show(); }
  });
  list.addEventListener("keydown", function (e) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (at < 0) return;
    if (e.key === "ArrowDown" && at + 1 < all.length) { e.preventDefault(); all[at + 1].focus(); }
    if (e.key === "ArrowUp") { e.preventDefault(); (at > 0 ? all[at - 1] : input).focus(); }
  });
  input.addEventListener("input", show);
  // Enter shows the results; the page is not sent anywhere.
  form.addEventListener("submit", function (e) { e.preventDefault(); show(); });

  box.hidden = false;
  // A link to the page may carry a search: search/?q=victims.
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { input.value = q; show(); }
})();
