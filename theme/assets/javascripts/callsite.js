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

  // Listing filters (the archive): by topic, applicant type and status, kept in the URL query.
  // The form is hidden in the HTML, so without this script every call is listed.
  var FILTERS = ["tag", "applicant", "status"];
  var STATUS_GROUPS = {open: ["open", "closing-soon", "continuous"]};

  function setupFilters() {
    var form = document.querySelector("form[data-callsite-filter]");
    if (!form) return;
    var cards = document.querySelectorAll("#callsite-main li.mdx-card");
    var count = form.querySelector("[data-callsite-count]");
    var params = new URLSearchParams(location.search);
    FILTERS.forEach(function (name) {
      var select = form.elements[name], wanted = params.get(name);
      if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) select.value = wanted;
    });

    function matches(card, tag, applicant, status) {
      var badge = card.querySelector(".mdx-status[data-callsite-status]");
      var current = badge ? badge.getAttribute("data-callsite-status") : "";
      return (!tag || card.getAttribute("data-callsite-tags").split(" ").indexOf(tag) >= 0)
        && (!applicant || card.getAttribute("data-callsite-applicants").split(" ").indexOf(applicant) >= 0)
        && (!status || (STATUS_GROUPS[status] || [status]).indexOf(current) >= 0);
    }

    function apply() {
      var tag = form.elements.tag.value, applicant = form.elements.applicant.value, status = form.elements.status.value;
      var shown = 0;
      for (var i = 0; i < cards.length; i++) {
        var ok = matches(cards[i], tag, applicant, status);
        cards[i].hidden = !ok;
        if (ok) shown++;
      }
      // a year whose calls are all filtered out disappears with its heading
      var lists = document.querySelectorAll("#callsite-main ul.mdx-cards");
      for (var j = 0; j < lists.length; j++) {
        var any = lists[j].querySelector("li.mdx-card:not([hidden])") !== null;
        lists[j].hidden = !any;
        var heading = lists[j].previousElementSibling;
        if (heading && /^H[2-6]$/.test(heading.tagName)) heading.hidden = !any;
      }
      count.textContent = count.getAttribute("data-callsite-count").replace("{n}", String(shown));
      var query = new URLSearchParams();
      FILTERS.forEach(function (name) { if (form.elements[name].value) query.set(name, form.elements[name].value); });
      var search = query.toString();
      history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.hidden = false;
    apply();
  }

  function start() {
    refresh();       // first the statuses, so that the status filter sees the current ones
    setupFilters();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
