// Share, copy and print on a case page. The buttons appear only when this script runs: without it the page
// still shows the reference, with the link, as text.
(function () {
  "use strict";

  function announce(container, text) {
    container.querySelector("[role=status]").textContent = text;
  }

  function copy(container, text) {
    var labels = container.dataset;
    var copying = navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject(new Error("no clipboard"));
    copying.then(
      function () { announce(container, labels.labelCopied); },
      function () { announce(container, labels.labelFailed); }
    );
  }

  var actions = document.querySelector(".case-actions");
  if (actions) {
    var share = actions.querySelector("[data-action=share]");
    // The native share sheet exists on phones and a few desktop browsers; elsewhere copying the link does.
    if (navigator.share) {
      share.hidden = false;
      share.addEventListener("click", function () {
        navigator.share({ title: actions.dataset.title, url: actions.dataset.url }).catch(function () {});
      });
    }
    actions.querySelector("[data-action=copy-link]").addEventListener("click", function () {
      copy(actions, actions.dataset.url);
    });
    actions.querySelector("[data-action=print]").addEventListener("click", function () { window.print(); });
    actions.hidden = false;
  }

  var citationCopy = document.querySelector(".case-citation__copy");
  if (citationCopy) {
    citationCopy.querySelector("[data-action=copy-citation]").addEventListener("click", function () {
      copy(citationCopy, document.getElementById("case-citation").textContent.trim());
    });
    citationCopy.hidden = false;
  }
}());
