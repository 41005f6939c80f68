// The form at /delen/: a character counter for fields with a maximum length, and the fields for a municipality
// that is not in the list, shown only when that choice is made. Without JavaScript the form works as it is:
// the maximum is in the hint and all fields show.
(function () {
  "use strict";

  function message(counter, count) {
    var left = Number(counter.dataset.max) - count;
    if (left >= 0) {
      return left === 1 ? counter.dataset.leftOne : counter.dataset.left.replace("{count}", left);
    }
    return left === -1 ? counter.dataset.overOne : counter.dataset.over.replace("{count}", -left);
  }

  function setUpCounter(counter) {
    var field = document.getElementById(counter.dataset.countFor);
    var status = document.querySelector("[data-count-status-for='" + counter.dataset.countFor + "']");
    var announce;
    function update() {
      var text = message(counter, field.value.length);
      counter.textContent = text;
      counter.classList.toggle("form-field__count--over", field.value.length > Number(counter.dataset.max));
      // Screen readers hear the count once typing pauses, not after every key.
      clearTimeout(announce);
      announce = setTimeout(function () { status.textContent = text; }, 1000);
    }
    counter.hidden = false;
    counter.textContent = message(counter, field.value.length);
    counter.classList.toggle("form-field__count--over", field.value.length > Number(counter.dataset.max));
    field.addEventListener("input", update);
  }

  function setUpChoiceDependentFields(group) {
    var select = document.getElementById("id_municipality");
    if (!select) { return; }
    function update() { group.hidden = select.value !== group.dataset.shownFor; }
    select.addEventListener("change", update);
    update();
  }

  document.querySelectorAll("[data-count-for]").forEach(setUpCounter);
  document.querySelectorAll("[data-shown-for]").forEach(setUpChoiceDependentFields);
})();
