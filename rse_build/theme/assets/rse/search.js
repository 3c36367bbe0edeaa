// The search page of large communities: Pagefind's UI over its chunked index, served by the
// site itself. `?q=words` in the address starts a search, so a query can be shared.
(function () {
  "use strict";
  function setup() {
    var element = document.querySelector("[data-rse-search]");
    if (!element || element.dataset.ready || !window.PagefindUI) return;
    element.dataset.ready = "1";
    var root = new URL(element.getAttribute("data-root") || ".", window.location.href).pathname;
    var ui = new window.PagefindUI({
      element: "#rse-search",
      bundlePath: element.getAttribute("data-bundle"),
      baseUrl: root,
      showSubResults: true,
      showImages: false,
    });
    // Pagefind's box has a title only (axe: label-title-only): it gets the page's own name.
    var input = element.querySelector("input.pagefind-ui__search-input");
    if (input) input.setAttribute("aria-label", element.getAttribute("data-label") || input.title);
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) ui.triggerSearch(query);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
