// Loads the site search when the visitor first reaches for it (focus on the field, or the search
// button on a phone), so that no page pays for the search code, its worker or its index on first
// load (docs/performance.md, "Page weight"). Without JavaScript the search field stays hidden
// (Material's .no-js rule): it could not work.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");
  var me = document.currentScript;
  var toggle = document.getElementById("__search");
  var input = document.querySelector(".md-search__input");
  if (!toggle || !input || !me) return;
  var loaded = false;

  function load() {
    if (loaded) return;
    loaded = true;
    var script = document.createElement("script");
    script.src = me.getAttribute("data-search");
    document.head.appendChild(script);
  }

  function open() {
    toggle.checked = true;
    load();
  }

  input.addEventListener("focus", open);
  // The search button (a label for the toggle) on narrow screens: open and go to the field.
  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      load();
      input.focus();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      input.blur();
    }
  });
})();
