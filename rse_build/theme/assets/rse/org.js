// The org chart's find box and its open-all / close-all buttons: served by the site itself, no
// request. Without JavaScript the form stays hidden and the chart is plain nested lists whose
// branches open and close by themselves (<details>). A query shows the people whose name or
// role holds it, with the managers above them, every branch on the way opened.
(function () {
  "use strict";
  function setup() {
    var form = document.querySelector("[data-rse-org-tools]");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var fold = window.rseFolder(JSON.parse(form.getAttribute("data-fold") || "{}"));
    var rows = Array.prototype.slice.call(document.querySelectorAll(".rse-org li")).map(function (el) {
      var label = el.firstElementChild;
      var role = el.querySelector(":scope > .rse-org__role");
      var parentList = el.parentElement.closest("li");
      return {
        el: el,
        text: fold((label ? label.textContent : "") + " " + (role ? role.textContent : "")),
        details: el.querySelector(":scope > details"),
        parent: parentList,
      };
    });
    var byElement = new Map(rows.map(function (row) { return [row.el, row]; }));
    var wasOpen = rows.map(function (row) { return row.details ? row.details.open : false; });
    var count = form.querySelector("[data-rse-org-count]");
    var template = count.getAttribute("data-template") || "";
    var number = new Intl.NumberFormat(document.documentElement.lang || "en");
    var box = form.querySelector("input[name=who]");

    function everyBranch(open) {
      rows.forEach(function (row) { if (row.details) row.details.open = open; });
    }
    function find() {
      var words = fold(box.value).split(/\s+/).filter(Boolean);
      if (!words.length) {
        rows.forEach(function (row, i) {
          row.el.hidden = false;
          if (row.details) row.details.open = wasOpen[i];
        });
        count.textContent = "";
        return;
      }
      var found = 0;
      rows.forEach(function (row) { row.keep = false; });
      rows.forEach(function (row) {
        var match = words.every(function (word) { return row.text.indexOf(word) !== -1; });
        if (!match) return;
        found += 1;
        // The person and every manager above them stay, their branches opened.
        for (var up = row; up && !up.keep; up = up.parent ? byElement.get(up.parent) : null) {
          up.keep = true;
          if (up !== row && up.details) up.details.open = true;
        }
      });
      rows.forEach(function (row) { row.el.hidden = !row.keep; });
      count.textContent = template.replace("{n}", number.format(found));
    }
    var pending = false;
    box.addEventListener("input", function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; find(); });
    });
    form.querySelector("[data-rse-org-open]").addEventListener("click", function () { everyBranch(true); });
    form.querySelector("[data-rse-org-close]").addEventListener("click", function () { everyBranch(false); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setup);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
