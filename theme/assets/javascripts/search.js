// The site search, loaded on first use by search-opener.js. Material's own search worker (Lunr
// with the page language's word rules, the same full-text search as Material's) answers queries
// over search/search_index.json; the results are drawn here: calls first, each with its status
// badge (refreshed from the visitor's clock by callsite.js, like every badge) and its period,
// then the site's other pages. The words come from Material's translations in the page's
// #__config (theme/partials/language.html corrects them).
(function () {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;  // Material's worker messages
  var config = JSON.parse(document.getElementById("__config").textContent);
  var words = config.translations;
  var base = new URL(config.base.replace(/\/?$/, "/"), location.href);
  var input = document.querySelector(".md-search__input");
  var form = input.form;
  var meta = document.querySelector(".md-search-result__meta");
  var list = document.querySelector(".md-search-result__list");
  var worker = new Worker(config.search);
  var ready = false, asked = null;

  meta.setAttribute("aria-live", "polite");

  function ask() {
    var query = input.value.trim();
    if (!ready) {
      asked = query;
      return;
    }
    if (!query) {
      meta.textContent = words["search.result.placeholder"];
      list.textContent = "";
      return;
    }
    worker.postMessage({type: QUERY, data: query});
  }

  function count(n) {
    if (n === 0) return words["search.result.none"];
    return (n === 1 ? words["search.result.one"] : words["search.result.other"]).replace("#", String(n));
  }

  function item(doc) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = new URL(doc.location, base).href;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("p");
    title.className = "mdx-search-result__title";
    title.innerHTML = doc.title;  // escaped by the build; <mark> from the worker
    article.appendChild(title);
    if (doc.callsite_status) {
      var status = document.createElement("p");
      status.className = "mdx-search-result__status";
      status.innerHTML = doc.callsite_status;  // the call page's own badge, as built
      article.appendChild(status);
    }
    if (doc.text) {
      var text = document.createElement("p");
      text.className = "mdx-search-result__text";
      text.innerHTML = doc.text;
      article.appendChild(text);
    }
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function show(result) {
    // A group is a page and its matching sections; the page itself is shown. Calls first (a
    // stable sort keeps the worker's ranking within calls and within the other pages).
    var groups = result.items.map(function (group) {
      var page = group.filter(function (doc) { return !doc.parent; })[0] || group[0];
      return page;
    });
    groups.sort(function (a, b) { return (b.callsite_status ? 1 : 0) - (a.callsite_status ? 1 : 0); });
    meta.textContent = count(groups.length);
    list.textContent = "";
    groups.forEach(function (doc) { list.appendChild(item(doc)); });
    document.dispatchEvent(new CustomEvent("callsite:content"));
  }

  worker.addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === READY) {
      ready = true;
      meta.textContent = words["search.result.placeholder"];
      if (asked !== null || input.value) ask();
    } else if (message.type === RESULT) {
      show(message.data);
    }
  });

  fetch(new URL("search/search_index.json", base))
    .then(function (response) { return response.json(); })
    .then(function (index) {
      worker.postMessage({type: SETUP, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
    });

  input.addEventListener("input", ask);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  form.addEventListener("reset", function () {
    setTimeout(ask, 0);
    input.focus();
  });
  ask();
})();
