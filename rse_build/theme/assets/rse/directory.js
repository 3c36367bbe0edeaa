// The people directory's filters: served by the site itself, no framework, no request.
// Without JavaScript the form stays hidden and everyone is listed.
(function () {
  "use strict";
  function setup() {
    var form = document.querySelector("[data-rse-filters]");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var cards = Array.prototype.slice.call(document.querySelectorAll(".rse-directory > li"));
    var count = document.querySelector("[data-rse-count]");
    var template = count ? count.getAttribute("data-template") : "";
    var params = new URLSearchParams(window.location.search);
    Array.prototype.forEach.call(form.elements, function (field) {
      if (params.has(field.name)) field.value = params.get(field.name);
    });
    function apply() {
      var wanted = {};
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.value) wanted[field.name] = field.value;
      });
      var shown = 0;
      cards.forEach(function (card) {
        var keep = Object.keys(wanted).every(function (name) {
          var value = card.getAttribute("data-" + name) || "";
          return name === "site" || name === "team"
            ? value === wanted[name]
            : value.split(" ").indexOf(wanted[name]) !== -1;
        });
        card.hidden = !keep;
        if (keep) shown += 1;
      });
      if (count && template) {
        count.textContent = template.replace("{shown}", shown).replace("{total}", cards.length);
      }
      // The address says what is shown, so a filtered list can be shared as a link.
      var query = new URLSearchParams(wanted).toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    }
    form.addEventListener("change", apply);
    form.hidden = false;
    apply();
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setup);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
