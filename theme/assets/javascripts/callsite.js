// Status that never lies: the site is static and may not be rebuilt for days, so on load every
// status badge is recomputed from its call's rounds (data attributes written by the build) and
// the visitor's clock. The same rules as scripts/callsite/status.py; labels come from the page.
(function () {
  "use strict";
  // The most open round decides (status.py: _PRECEDENCE).
  var PRECEDENCE = ["closing-soon", "open", "continuous", "upcoming", "closed"];

  function roundStatus(opens, closes, now, soonMs) {
    if (now < opens) return "upcoming";
    if (closes === null) return "continuous";
    if (now >= closes) return "closed";
    if (closes - now <= soonMs) return "closing-soon";
    return "open";
  }

  function statusOf(badge, now) {
    var soonMs = Number(badge.getAttribute("data-callsite-soon")) * 1000;
    var found = {};
    var rounds = badge.getAttribute("data-callsite-rounds").trim().split(/\s+/);
    for (var i = 0; i < rounds.length; i++) {
      var parts = rounds[i].split("/");
      var opens = Date.parse(parts[0]);
      var closes = parts[1] ? Date.parse(parts[1]) : null;
      if (isNaN(opens) || (closes !== null && isNaN(closes)) || isNaN(soonMs)) return null;
      found[roundStatus(opens, closes, now, soonMs)] = true;
    }
    for (var j = 0; j < PRECEDENCE.length; j++) {
      if (found[PRECEDENCE[j]]) return PRECEDENCE[j];
    }
    return null;
  }

  function refresh() {
    var now = Date.now();
    var badges = document.querySelectorAll(".mdx-status[data-callsite-rounds]");
    for (var i = 0; i < badges.length; i++) {
      var badge = badges[i];
      var status = statusOf(badge, now);
      var label = status && badge.getAttribute("data-callsite-label-" + status);
      if (!label || status === badge.getAttribute("data-callsite-status")) continue;
      badge.classList.remove("mdx-status--" + badge.getAttribute("data-callsite-status"));
      badge.classList.add("mdx-status--" + status);
      badge.setAttribute("data-callsite-status", status);
      badge.textContent = label;
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", refresh);
  } else {
    refresh();
  }
})();
