// The case editor's location picker (knowledge/widgets.py): a click on the map, or a municipality chosen by
// name, fills the latitude and longitude inputs; typing in those inputs moves the marker.
(function () {
  "use strict";

  var NETHERLANDS = [52.2, 5.3];

  function setUp(picker) {
    var labels = picker.dataset;
    var form = picker.closest("form");
    var latitude = form.elements[labels.latitudeField];
    var longitude = form.elements[labels.longitudeField];
    var search = picker.querySelector(".location-picker__municipality");
    var status = picker.querySelector(".location-picker__status");
    var centres = JSON.parse(document.getElementById(picker.id + "-centres").textContent);
    var byName = {};
    centres.forEach(function (centre) { byName[centre.name.toLowerCase()] = centre; });

    picker.hidden = false;
    var map = L.map(picker.querySelector(".location-picker__map"), { minZoom: 6, maxZoom: 18 }).setView(NETHERLANDS, 7);
    map.attributionControl.setPrefix(false);
    if (labels.tileUrl) { L.tileLayer(labels.tileUrl, { attribution: labels.attribution, minZoom: 6, maxZoom: 19 }).addTo(map); }
    var icon = L.divIcon({ className: "location-picker__marker", iconSize: L.point(18, 18) });
    var marker = null;

    function show(lat, lng) {
      if (marker) { marker.setLatLng([lat, lng]); } else { marker = L.marker([lat, lng], { icon: icon, keyboard: false }).addTo(map); }
    }

    function choose(lat, lng, zoom) {
      latitude.value = lat.toFixed(6);
      longitude.value = lng.toFixed(6);
      show(lat, lng);
      map.setView([lat, lng], Math.max(map.getZoom(), zoom || 0));
      status.textContent = labels.labelChosen.replace("%(latitude)s", latitude.value).replace("%(longitude)s", longitude.value);
      latitude.dispatchEvent(new Event("change", { bubbles: true }));
      longitude.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function fromInputs() {
      var lat = parseFloat(latitude.value);
      var lng = parseFloat(longitude.value);
      if (isFinite(lat) && isFinite(lng)) {
        show(lat, lng);
        map.setView([lat, lng], 11);
      } else if (marker) {
        map.removeLayer(marker);
        marker = null;
      }
    }

    map.on("click", function (event) { choose(event.latlng.lat, event.latlng.lng); });
    search.addEventListener("change", function () {
      var centre = byName[search.value.trim().toLowerCase()];
      if (centre) { choose(centre.latitude, centre.longitude, 11); } else if (search.value.trim()) { status.textContent = labels.labelUnknown; }
    });
    picker.querySelector(".location-picker__clear").addEventListener("click", function () {
      latitude.value = "";
      longitude.value = "";
      fromInputs();
      status.textContent = labels.labelCleared;
    });
    latitude.addEventListener("input", fromInputs);
    longitude.addEventListener("input", fromInputs);
    fromInputs();
    // The picker may sit on a tab that was hidden while the map was built: measure again once it is shown.
    new ResizeObserver(function () { map.invalidateSize(); }).observe(picker);
  }

  function start() { document.querySelectorAll(".location-picker").forEach(setUp); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
