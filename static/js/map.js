// Maps of cases: every case a search finds, from /api/search/?format=geojson, clustered at national zoom.
// Markers and clusters are buttons (Tab, then Enter); a popup names the case and links to it.
(function () {
  "use strict";

  var NETHERLANDS = [52.2, 5.3];

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function popupContent(properties, labels) {
    var content = element("div", "case-map__popup");
    var heading = element("p", "case-map__popup-title");
    var link = element("a", "utrecht-link", properties.title);
    link.href = properties.url;
    heading.appendChild(link);
    content.appendChild(heading);
    content.appendChild(element("p", "case-map__popup-meta", [properties.municipality, properties.province].filter(Boolean).join(" · ")));
    if (properties.themes.length) { content.appendChild(element("p", "case-map__popup-themes", properties.themes.join(", "))); }
    if (properties.location !== "case") { content.appendChild(element("p", "case-map__popup-note", labels.labelApproximate)); }
    return content;
  }

  function clusterIcon(labels) {
    return function (cluster) {
      var count = cluster.getChildCount();
      var html = "<span aria-hidden=\"true\">" + count + "</span><span class=\"visually-hidden\">" +
        labels.labelCluster.replace("%(count)s", count) + "</span>";
      return L.divIcon({ html: html, className: "case-map__cluster", iconSize: L.point(40, 40) });
    };
  }

  function setUp(canvas) {
    var labels = canvas.dataset;
    var status = canvas.parentNode.querySelector(".case-map__status");
    var map = L.map(canvas, { zoomControl: false, scrollWheelZoom: false, minZoom: 6, maxZoom: 18 }).setView(NETHERLANDS, 7);
    L.control.zoom({ zoomInTitle: labels.labelZoomIn, zoomOutTitle: labels.labelZoomOut }).addTo(map);
    map.attributionControl.setPrefix(false);
    if (labels.tileUrl) {
      L.tileLayer(labels.tileUrl, { attribution: labels.attribution, minZoom: 6, maxZoom: 19 }).addTo(map);
    }
    var marker = L.divIcon({ className: "case-map__marker", iconSize: L.point(18, 18) });

    fetch(labels.geojsonUrl, { headers: { Accept: "application/geo+json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (collection) {
        var clusters = L.markerClusterGroup({ iconCreateFunction: clusterIcon(labels), showCoverageOnHover: false, maxClusterRadius: 50 });
        collection.features.forEach(function (feature) {
          var point = feature.geometry.coordinates;
          var properties = feature.properties;
          L.marker([point[1], point[0]], { icon: marker, title: properties.title + " (" + properties.municipality + ")", keyboard: true })
            .bindPopup(popupContent(properties, labels))
            .addTo(clusters);
        });
        map.addLayer(clusters);
        if (collection.features.length) { map.fitBounds(clusters.getBounds(), { maxZoom: 7, padding: [24, 24], animate: false }); }
        status.textContent = collection.features.length === 1
          ? labels.labelStatusOne
          : labels.labelStatus.replace("%(count)s", collection.features.length);
        canvas.dataset.loaded = "true";
      })
      .catch(function () { status.textContent = labels.labelError; });
  }

  document.querySelectorAll(".case-map__canvas").forEach(setUp);
}());
