// The people directory's filters: served by the site itself, no framework, no request.
// Without JavaScript the form stays hidden and everyone is listed. The cards carry their
// filter values, the name box's text already folded at build time (data-q): a keystroke
// folds the query alone, then compares strings. The name box is `?who=` in the address, not
// `?q=`: Material opens its own search over any page whose address has `?q=`.
(function () {
  "use strict";
  function setup() {
    var form = document.querySelector("[data-rse-filters]");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var fold = window.rseFolder(JSON.parse(form.getAttribute("data-fold") || "{}"));
    var cards = Array.prototype.slice.call(document.querySelectorAll(".rse-directory > li")).map(function (el) {
      return {
        el: el,
        q: el.getAttribute("data-q") || "",
        skill: (el.getAttribute("data-skill") || "").split(" "),
        group: (el.getAttribute("data-group") || "").split(" "),
        site: el.getAttribute("data-site") || "",
        team: el.getAttribute("data-team") || "",
      };
    });
    var count = document.querySelector("[data-rse-count]");
    var template = count ? count.getAttribute("data-template") : "";
    var templateOne = count ? count.getAttribute("data-template-one") || template : "";
    // The page's language decides "1 personne", "0 personne" and "5 000", as rse's table does.
    var language = document.documentElement.lang || "en";
    var plural = new Intl.PluralRules(language);
    var number = new Intl.NumberFormat(language);
    var params = new URLSearchParams(window.location.search);
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name && params.has(field.name)) field.value = params.get(field.name);
    });
    function apply() {
      var wanted = {};
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name && field.value.trim()) wanted[field.name] = field.value.trim();
      });
      var words = wanted.who ? fold(wanted.who).split(/\s+/).filter(Boolean) : [];
      var shown = 0;
      cards.forEach(function (card) {
        var keep =
          words.every(function (word) { return card.q.indexOf(word) !== -1; }) &&
          (!wanted.skill || card.skill.indexOf(wanted.skill) !== -1) &&
          (!wanted.group || card.group.indexOf(wanted.group) !== -1) &&
          (!wanted.site || card.site === wanted.site) &&
          (!wanted.team || card.team === wanted.team);
        if (card.el.hidden === keep) card.el.hidden = !keep;
        if (keep) shown += 1;
      });
      if (count && template) {
        count.textContent = (plural.select(shown) === "one" ? templateOne : template)
          .replace("{shown}", number.format(shown))
          .replace("{total}", number.format(cards.length));
      }
      // The address says what is shown, so a filtered list can be shared as a link.
      var query = new URLSearchParams(wanted).toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    }
    // Keystrokes typed while the list redraws are taken together, once per frame.
    var pending = false;
    function schedule() {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        apply();
      });
    }
    form.addEventListener("change", schedule);
    form.addEventListener("input", schedule);
    // Enter in the name box would reload the page with the same address: the list is already shown.
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setup);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
