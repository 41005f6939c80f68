// Autocomplete for the search box (ARIA combobox pattern) and instant filters.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("q-suggestions");
  var filterForm = document.getElementById("filter-form");

  if (filterForm) {
    filterForm.addEventListener("change", function () { filterForm.submit(); });
  }
  if (!input || !list) { return; }

  var items = [];
  var active = -1;
  var timer = null;
  var typeLabels = { case: "praktijkvoorbeeld", theme: "thema", municipality: "gemeente" };
  if (document.documentElement.lang === "en") {
    typeLabels = { case: "case", theme: "theme", municipality: "municipality" };
  }

  function close() {
    list.hidden = true;
    list.innerHTML = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    items = [];
    active = -1;
  }

  function select(index) {
    var options = list.querySelectorAll("li");
    options.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
    active = index;
    if (index >= 0) { input.setAttribute("aria-activedescendant", options[index].id); }
  }

  function render(suggestions) {
    close();
    items = suggestions;
    if (!items.length) { return; }
    items.forEach(function (item, i) {
      var li = document.createElement("li");
      li.id = "q-suggestion-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.textContent = item.label;
      var type = document.createElement("span");
      type.className = "autocomplete__type";
      type.textContent = typeLabels[item.type] || "";
      li.appendChild(type);
      li.addEventListener("mousedown", function (event) { event.preventDefault(); window.location.href = item.url; });
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) { close(); return; }
    timer = setTimeout(function () {
      fetch(input.dataset.autocompleteUrl + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === q) { render(data.suggestions || []); } })
        .catch(close);
    }, 150);
  });

  input.addEventListener("keydown", function (event) {
    if (list.hidden) { return; }
    if (event.key === "ArrowDown") { event.preventDefault(); select((active + 1) % items.length); }
    else if (event.key === "ArrowUp") { event.preventDefault(); select(active <= 0 ? items.length - 1 : active - 1); }
    else if (event.key === "Escape") { close(); }
    else if (event.key === "Enter" && active >= 0) { event.preventDefault(); window.location.href = items[active].url; }
  });
  input.addEventListener("blur", function () { setTimeout(close, 100); });
}());
