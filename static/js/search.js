// Search page: suggestions for the search box (ARIA 1.2 combobox with a listbox popup) and the filter panel.
(function () {
  "use strict";

  // Filters: a mouse click applies a filter at once; keyboard users choose several and then press
  // "Filters toepassen", so that toggling a checkbox never reloads the page under their focus.
  function setUpFilters() {
    var form = document.getElementById("filter-form");
    var toggle = document.querySelector(".facets__toggle");
    if (!form) { return; }

    var pointerUsed = false;
    form.addEventListener("pointerdown", function () { pointerUsed = true; });
    form.addEventListener("keydown", function () { pointerUsed = false; });
    form.addEventListener("change", function () { if (pointerUsed) { form.submit(); } });

    if (!toggle) { return; }
    var narrow = window.matchMedia("(max-width: 47.99rem)");
    function setExpanded(expanded) {
      toggle.setAttribute("aria-expanded", expanded ? "true" : "false");
      toggle.textContent = expanded ? toggle.dataset.labelHide : toggle.dataset.labelShow;
      form.classList.toggle("is-collapsed", !expanded);
    }
    toggle.hidden = false;
    toggle.addEventListener("click", function () { setExpanded(toggle.getAttribute("aria-expanded") !== "true"); });
    // On a phone the filters start folded away so that the results come first.
    setExpanded(!narrow.matches || form.querySelector("input[type=checkbox]:checked") !== null);
  }

  function setUpSuggestions() {
    var input = document.getElementById("q");
    var list = document.getElementById("q-suggestions");
    var status = document.getElementById("q-status");
    if (!input || !list) { return; }

    var typeLabels = { case: input.dataset.labelCase, theme: input.dataset.labelTheme, municipality: input.dataset.labelMunicipality };
    var items = [];
    var active = -1;
    var timer = null;

    function announce(message) { if (status) { status.textContent = message; } }

    function close() {
      list.hidden = true;
      list.replaceChildren();
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      items = [];
      active = -1;
    }

    function select(index) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (option, i) {
        var selected = i === index;
        option.setAttribute("aria-selected", selected ? "true" : "false");
        option.classList.toggle("utrecht-listbox__option--active", selected);
      });
      active = index;
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    }

    function open(url) { window.location.assign(url); }

    function render(suggestions) {
      close();
      items = suggestions;
      if (!items.length) { announce(""); return; }
      items.forEach(function (item, i) {
        var option = document.createElement("li");
        option.id = "q-suggestion-" + i;
        option.className = "utrecht-listbox__option utrecht-listbox__option--html-li autocomplete__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = item.label;
        var type = document.createElement("span");
        type.className = "autocomplete__type";
        type.textContent = typeLabels[item.type] || "";
        option.appendChild(type);
        // mousedown, not click: the input would lose focus (and close the list) before a click lands.
        option.addEventListener("mousedown", function (event) { event.preventDefault(); open(item.url); });
        list.appendChild(option);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      announce(input.dataset.statusTemplate.replace("%(count)s", items.length));
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
      else if (event.key === "Escape") { event.preventDefault(); close(); }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); open(items[active].url); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  setUpFilters();
  setUpSuggestions();
}());
