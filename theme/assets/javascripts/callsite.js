// Status that never lies: the site is static and may not be rebuilt for days, so on load every
// status badge is recomputed from its call's rounds (data attributes written by the build) and
// the visitor's clock. The same rules as scripts/callsite/site/status.py; labels come from the page.
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
      var opens = parts[0] ? Date.parse(parts[0]) : -Infinity;  // continuous, no stated opening
      var closes = parts[1] ? Date.parse(parts[1]) : null;
      if (isNaN(opens) || (closes !== null && isNaN(closes)) || isNaN(soonMs)) return null;
      found[roundStatus(opens, closes, now, soonMs)] = true;
    }
    for (var j = 0; j < PRECEDENCE.length; j++) {
      if (!found[PRECEDENCE[j]]) continue;
      // staff said the applications are being assessed once the periods end (status.py: status_of)
      if (PRECEDENCE[j] === "closed" && badge.hasAttribute("data-callsite-closed-as")) {
        return badge.getAttribute("data-callsite-closed-as");
      }
      return PRECEDENCE[j];
    }
    return null;
  }

  // The Helsinki calendar day of a moment, as a day number (the deadlines are Helsinki time).
  var HELSINKI_DAY = window.Intl ? new Intl.DateTimeFormat("en-CA", {timeZone: "Europe/Helsinki"}) : null;
  function helsinkiDay(ms) {
    return Date.parse(HELSINKI_DAY.format(new Date(ms))) / 86400000;
  }

  // "10 päivää jäljellä" / "viimeinen päivä tänään, sulkeutuu klo 16.15": the page's own words
  // (render/localise.days_left_forms), the plural form chosen by CLDR's rules, as the build did.
  // A deadline is exclusive: one millisecond before it is in its last day (also for a deadline
  // given as a day only, held as the midnight after it).
  function daysLeft(span, badge, status, now) {
    var deadline = nextDeadline(badge, now), text = "";
    if (HELSINKI_DAY && OPEN[status] && deadline !== Infinity) {
      var days = Math.round(helsinkiDay(deadline - 1) - helsinkiDay(now));
      var lang = document.documentElement.lang || "fi";
      text = days <= 0 ? span.getAttribute("data-callsite-left-today")
        : span.getAttribute("data-callsite-left-" + new Intl.PluralRules(lang).select(days)).replace("{n}", days);
    }
    span.textContent = text || "";
  }

  // The call page's action: the application form while open, else what to expect.
  function showAction(block, status) {
    var wanted = OPEN[status] ? "open" : status;
    var choices = block.querySelectorAll("[data-callsite-apply-when]");
    for (var i = 0; i < choices.length; i++) {
      choices[i].hidden = choices[i].getAttribute("data-callsite-apply-when").split(" ").indexOf(wanted) < 0;
    }
  }

  var OPEN = {"open": true, "closing-soon": true, "continuous": true};

  function refresh() {
    var now = Date.now();
    var badges = document.querySelectorAll(".mdx-status[data-callsite-rounds]");
    for (var i = 0; i < badges.length; i++) {
      var badge = badges[i];
      var status = statusOf(badge, now);
      var label = status && badge.getAttribute("data-callsite-label-" + status);
      if (!label) continue;
      if (status !== badge.getAttribute("data-callsite-status")) {
        badge.classList.remove("mdx-status--" + badge.getAttribute("data-callsite-status"));
        badge.classList.add("mdx-status--" + status);
        badge.setAttribute("data-callsite-status", status);
        badge.textContent = label;
      }
      var holder = badge.closest(".mdx-card, .mdx-call");
      var span = holder && holder.querySelector("[data-callsite-left]");
      if (span) daysLeft(span, badge, status, now);
      var block = holder && holder.classList.contains("mdx-call") && holder.querySelector("[data-callsite-apply]");
      if (block) showAction(block, status);
    }
  }

  // The home page's sections (open / upcoming / recently closed) follow the recomputed statuses:
  // a card whose call has closed since the build moves to "recently closed", one that has opened
  // moves to "open" (nearest deadline first). The empty-section notes are in the HTML, hidden.
  var SECTION_OF = {"open": "open", "closing-soon": "open", "continuous": "open", "upcoming": "upcoming",
                    "closed": "closed", "under-assessment": "closed", "decided": "closed", "cancelled": "closed"};

  function nextDeadline(badge, now) {
    var rounds = badge.getAttribute("data-callsite-rounds").trim().split(/\s+/), best = Infinity;
    for (var i = 0; i < rounds.length; i++) {
      var parts = rounds[i].split("/"), closes = parts[1] ? Date.parse(parts[1]) : Infinity;
      if ((!parts[0] || Date.parse(parts[0]) <= now) && closes > now && closes < best) best = closes;
    }
    return best;
  }

  function moveHomeCards() {
    var lists = {};
    var found = document.querySelectorAll("ul.mdx-cards[data-callsite-section]");
    if (!found.length) return;
    for (var i = 0; i < found.length; i++) lists[found[i].getAttribute("data-callsite-section")] = found[i];
    var now = Date.now(), moved = false;
    for (var name in lists) {
      var cards = Array.prototype.slice.call(lists[name].children);
      for (var j = 0; j < cards.length; j++) {
        var badge = cards[j].querySelector(".mdx-status[data-callsite-status]");
        var target = badge && lists[SECTION_OF[badge.getAttribute("data-callsite-status")]];
        if (target && target !== lists[name]) {
          if (target.getAttribute("data-callsite-section") === "closed") target.insertBefore(cards[j], target.firstChild);
          else target.appendChild(cards[j]);
          moved = true;
        }
      }
    }
    if (!moved) return;
    if (lists.open) {
      Array.prototype.slice.call(lists.open.children).map(function (card) {
        return [nextDeadline(card.querySelector(".mdx-status[data-callsite-rounds]"), now), card];
      }).sort(function (a, b) { return a[0] - b[0]; }).forEach(function (pair) { lists.open.appendChild(pair[1]); });
    }
    for (name in lists) {
      var empty = document.querySelector('[data-callsite-empty="' + name + '"]');
      lists[name].hidden = lists[name].children.length === 0;
      if (empty) empty.hidden = !lists[name].hidden;
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
    refresh();       // first the statuses, so that the sections and the status filter see the current ones
    moveHomeCards();
    setupFilters();
  }

  // Badges drawn later (the site search's results, search.js) are refreshed the same way.
  document.addEventListener("callsite:content", refresh);

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
