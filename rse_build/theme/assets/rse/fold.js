// How rse's scripts fold what a reader types, as rse_build.ids.fold folds names at build time:
// lowercase, the letter table (œ → oe), NFKD, no marks. Shared by the directory and the org chart.
(function () {
  "use strict";
  window.rseFolder = function (letters) {
    return function (text) {
      var lower = text.toLowerCase().replace(/[^\u0000-\u007f]/g, function (c) {
        return Object.prototype.hasOwnProperty.call(letters, c) ? letters[c] : c;
      });
      return lower.normalize("NFKD").replace(/\p{M}/gu, "");
    };
  };
})();
