// planpress preview: reload this page when the site has been rebuilt, and show why when the
// latest change could not be built. Added to pages by `planpress serve` only; never part of the
// published site.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || typeof EventSource === "undefined") {
    return;
  }
  // The build this page came from, as the server saw it when it sent the page.
  var page = {
    instance: script.getAttribute("data-instance"),
    attempt: script.getAttribute("data-attempt"),
    generation: script.getAttribute("data-generation"),
    // This page's file in the output folder, as builds list the files they rewrote.
    file: script.getAttribute("data-file")
  };
  var BANNER_ID = "planpress-preview-errors";
  // Whether this page has shown a broken build's problems: the first good build after
  // that reloads it whatever it rewrote.
  var sawProblems = !!document.getElementById(BANNER_ID);

  function element(name, className, text) {
    var el = document.createElement(name);
    if (className) {
      el.className = className;
    }
    if (text) {
      el.textContent = text;
    }
    return el;
  }

  // The same markup the server puts in pages when JavaScript is off. Text only: problem
  // messages quote content, which must never become markup.
  function showProblems(problems) {
    var panel = element("section", "planpress-preview-errors");
    panel.id = BANNER_ID;
    panel.setAttribute("role", "alert");
    panel.setAttribute("aria-labelledby", BANNER_ID + "-title");
    var title = element("p", "planpress-preview-title");
    title.id = BANNER_ID + "-title";
    title.appendChild(element("strong", "", "This preview is out of date"));
    panel.appendChild(title);
    panel.appendChild(element("p", "",
      "The latest change could not be built, so this is the last good build. Fix " +
      (problems.length === 1 ? "this problem" : "these problems") + " and save the file:"));
    var list = element("ul");
    problems.forEach(function (problem) {
      var item = element("li");
      if (problem.place) {
        item.appendChild(element("code", "", problem.place));
        item.appendChild(document.createTextNode(" "));
      }
      item.appendChild(document.createTextNode(problem.message));
      if (problem.hint) {
        item.appendChild(element("span", "planpress-preview-hint", "Help: " + problem.hint));
      }
      list.appendChild(item);
    });
    panel.appendChild(list);
    var old = document.getElementById(BANNER_ID);
    if (old) {
      old.parentNode.replaceChild(panel, old);
    } else {
      document.body.insertBefore(panel, document.body.firstChild);
    }
  }

  function hideProblems() {
    var old = document.getElementById(BANNER_ID);
    if (old) {
      old.parentNode.removeChild(old);
    }
  }

  var events = new EventSource(script.getAttribute("data-events"));
  events.onmessage = function (event) {
    var state;
    try {
      state = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (state.instance !== page.instance) {
      // The server was restarted: whatever it built is newer than this page.
      window.location.reload();
      return;
    }
    if (String(state.attempt) === page.attempt) {
      return; // Nothing has happened since this page was sent.
    }
    page.attempt = String(state.attempt);
    if (!state.ok) {
      sawProblems = true;
      showProblems(state.problems);
    } else if (String(state.generation) === page.generation) {
      hideProblems();
    } else if (!sawProblems && unchangedHere(state)) {
      // The very next build rewrote other pages only: this one is still current.
      page.generation = String(state.generation);
    } else {
      window.location.reload();
    }
  };

  // True when `state` is the build right after this page's and lists the files it rewrote,
  // without this page's. Anything else (a build missed, everything rewritten) reloads.
  function unchangedHere(state) {
    return Number(state.generation) === Number(page.generation) + 1 &&
      Array.isArray(state.pages) && page.file !== "" && page.file !== null &&
      state.pages.indexOf(page.file) < 0;
  }
})();
