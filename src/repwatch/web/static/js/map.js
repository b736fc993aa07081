/*
 * The incidents map. Every element with a data-map attribute becomes a Leaflet map:
 *
 *   data-geojson-url        incidents as GeoJSON (Features with id, people, place,
 *                           date_start, date_end, acts, status, url)
 *   data-basemap-url        the folder of the offline base layer (countries, borders,
 *                           rivers, cities)
 *   data-tile-url           optional: online tiles, drawn only when configured
 *   data-tile-attribution   optional: their credit line
 *
 * A map of very many incidents may instead get one Feature per place, with
 * properties place, incidents, people and url (the list of those incidents).
 *
 * Values from the server are put in the page with textContent and DOM nodes only,
 * never as HTML. When the markers are drawn the element gets
 * data-markers-drawn="<count>"; if loading fails it gets data-map-error.
 */
(function () {
  "use strict";
  if (typeof L === "undefined") return; // Leaflet is loaded by the pages with a map

  // The China–North Korea border region, shown when there is nothing to fit.
  var REGION = [[37.5, 118.0], [46.5, 134.5]];
  var COLOURS = {
    land: "#f6f4ef",
    sea: "#dfe9f0",
    border: "#6b5e4a",
    river: "#4a90c2",
    city: "#555555",
    verified: "#2e6da4",
    proposed: "#d08a1c",
    rejected: "#8c8c8c",
  };
  var FOCUS = { CN: "#efe9dc", KP: "#e4d9c4" };
  var LABEL_ZOOM = 6;

  function radiusFor(people, most, smallest, largest) {
    // Area grows with the number of people, up to ``most``, who get the largest
    // circle; an unknown count draws the smallest.
    var share = Math.min((Number(people) || 0) / Math.max(most, 1), 1);
    return smallest + (largest - smallest) * Math.sqrt(share);
  }

  function text(tag, value, className) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    node.textContent = value == null ? "" : String(value);
    return node;
  }

  function escaped(value) {
    // Leaflet writes attributions as HTML: pass it text that reads as text.
    var holder = document.createElement("div");
    holder.textContent = value;
    return holder.innerHTML;
  }

  function sameSite(url) {
    // Only links within this site: a stored value must never become javascript: or
    // a link elsewhere.
    return typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/";
  }

  function getJSON(url) {
    return fetch(url, {
      credentials: "same-origin",
      headers: { Accept: "application/geo+json, application/json" },
    }).then(function (response) {
      if (!response.ok) throw new Error(url + " answered " + response.status);
      return response.json();
    });
  }

  function dateText(p) {
    if (!p.date_start && !p.date_end) return "date unknown";
    if (!p.date_end || p.date_end === p.date_start) return p.date_start;
    if (!p.date_start) return "by " + p.date_end;
    return p.date_start + " – " + p.date_end;
  }

  function peopleText(people) {
    if (people == null) return "number of people not stated";
    return people === 1 ? "1 person" : Number(people).toLocaleString() + " people";
  }

  function incidentsText(n) {
    return n === 1 ? "1 incident" : n.toLocaleString() + " incidents";
  }

  function placePopup(p) {
    var box = document.createElement("div");
    box.className = "map-popup";
    box.appendChild(text("strong", p.place || "place unknown"));
    box.appendChild(text("div", incidentsText(Number(p.incidents))));
    box.appendChild(text("div", peopleText(p.people)));
    if (sameSite(p.url)) {
      var link = text("a", "List these incidents");
      link.href = p.url;
      box.appendChild(link);
    }
    return box;
  }

  function popupFor(p) {
    if (p.incidents != null) return placePopup(p);
    var box = document.createElement("div");
    box.className = "map-popup";
    box.appendChild(text("strong", p.place || "place unknown"));
    box.appendChild(text("div", dateText(p)));
    box.appendChild(text("div", peopleText(p.people)));
    var acts = Array.isArray(p.acts) ? p.acts.join(", ") : p.acts;
    if (acts) box.appendChild(text("div", acts));
    if (p.status) box.appendChild(text("div", p.status, "map-popup-status"));
    if (sameSite(p.url)) {
      var link = text("a", "Open incident " + (p.id == null ? "" : p.id));
      link.href = p.url;
      box.appendChild(link);
    }
    return box;
  }

  // An incident's circle, built only when Leaflet shows the marker: a map may hold
  // many thousands of incidents, most of them inside clusters.
  var IncidentIcon = L.DivIcon.extend({
    createIcon: function (old) {
      var dot = L.DivIcon.prototype.createIcon.call(this, old);
      var s = dot.style;
      s.borderRadius = "50%";
      s.background = this.options.colour;
      s.border = "2px solid #ffffff";
      s.boxSizing = "border-box";
      return dot;
    },
  });
  var icons = {};

  function markerIcon(people, status, most) {
    var size = Math.round(2 * radiusFor(people, most, 5, 22));
    var key = size + " " + status;
    if (!icons[key]) {
      icons[key] = new IncidentIcon({
        html: "",
        className: "incident-icon incident-" + String(status || "unknown"),
        iconSize: [size, size],
        colour: COLOURS[status] || COLOURS.verified,
      });
    }
    return icons[key];
  }

  function clusterIcon(cluster, total) {
    var people = 0;
    var incidents = 0;
    var markers = cluster.getAllChildMarkers();
    for (var i = 0; i < markers.length; i++) {
      people += markers[i].options.people || 0;
      incidents += markers[i].options.incidents;
    }
    // A cluster's size shows its share of all the people on the map.
    var size = Math.round(2 * radiusFor(people, total, 14, 38));
    var ring = document.createElement("div");
    ring.className = "incident-cluster";
    var s = ring.style;
    s.width = s.height = s.lineHeight = size + "px";
    s.borderRadius = "50%";
    s.background = "rgba(46, 109, 164, 0.85)";
    s.border = "3px solid rgba(255, 255, 255, 0.9)";
    s.boxSizing = "border-box";
    s.color = "#ffffff";
    s.fontWeight = "bold";
    s.textAlign = "center";
    s.fontSize = "12px";
    ring.appendChild(text("span", people >= 10000 ? Math.round(people / 1000) + "k" : people));
    ring.title = incidentsText(incidents) + ", " + peopleText(people);
    return L.divIcon({ html: ring, className: "incident-cluster-icon", iconSize: [size, size] });
  }

  function cityLayer(map, data) {
    // Dots always; names from zoom LABEL_ZOOM on, where they no longer crowd.
    var dots = L.layerGroup();
    var names = L.layerGroup();
    (data.features || []).forEach(function (feature) {
      var c = feature.geometry && feature.geometry.coordinates;
      if (!c) return;
      var at = [c[1], c[0]];
      dots.addLayer(
        L.circleMarker(at, {
          pane: "cities",
          radius: 2.5,
          color: COLOURS.city,
          fillColor: COLOURS.city,
          fillOpacity: 1,
          weight: 1,
          interactive: false,
        })
      );
      var label = text("span", feature.properties.name, "city-name");
      var s = label.style;
      s.font = "12px sans-serif";
      s.color = "#333333";
      s.whiteSpace = "nowrap";
      s.textShadow = "0 0 3px #ffffff, 0 0 3px #ffffff";
      names.addLayer(
        L.marker(at, {
          pane: "cities",
          interactive: false,
          keyboard: false,
          icon: L.divIcon({
            html: label,
            className: "city-label",
            iconSize: null,
            iconAnchor: [-5, 8],
          }),
        })
      );
    });
    function showNames() {
      if (map.getZoom() >= LABEL_ZOOM) names.addTo(map);
      else names.remove();
    }
    map.on("zoomend", showNames);
    showNames();
    return dots;
  }

  function drawBase(map, base, overTiles) {
    var panes = [
      ["countries.geojson", function (data) {
        return L.geoJSON(data, {
          interactive: false,
          style: function (f) {
            return {
              stroke: false, // clipped shapes have edges along the boxes; borders are lines
              fillColor: FOCUS[f.properties.iso_a2] || COLOURS.land,
              // Over online tiles the shapes only outline; offline they are the land.
              fillOpacity: overTiles ? 0 : 1,
            };
          },
        });
      }],
      ["borders.geojson", function (data) {
        return L.geoJSON(data, {
          interactive: false,
          style: { color: COLOURS.border, weight: 1.2, dashArray: "5 3" },
        });
      }],
      ["rivers.geojson", function (data) {
        return L.geoJSON(data, {
          interactive: false,
          style: { color: COLOURS.river, weight: 2.5, opacity: 0.9 },
        });
      }],
      ["cities.geojson", function (data) {
        return cityLayer(map, data);
      }],
    ];
    // Layers are added in this order once all have arrived, so that rivers lie over
    // land and labels over rivers whatever order the files come in.
    return Promise.all(
      panes.map(function (entry) {
        return getJSON(base + entry[0]).then(entry[1]);
      })
    ).then(function (layers) {
      layers.forEach(function (layer) {
        layer.addTo(map);
      });
    });
  }

  function mapped(feature) {
    var g = feature.geometry;
    return Boolean(g && g.type === "Point" && Array.isArray(g.coordinates));
  }

  function incidentMarker(feature, most) {
    var g = feature.geometry;
    var p = feature.properties || {};
    var marker = L.marker([g.coordinates[1], g.coordinates[0]], {
      icon: markerIcon(p.people, p.status, most),
      people: Number(p.people) || 0,
      incidents: p.incidents != null ? Number(p.incidents) || 0 : 1,
      opacity: 0.85,
      keyboard: true,
      title: p.place ? String(p.place) : "",
    });
    marker.bindPopup(function () {
      return popupFor(p); // built when opened
    });
    return marker;
  }

  function drawIncidents(state) {
    var url = state.element.getAttribute("data-geojson-url");
    if (!url) return Promise.resolve();
    var generation = (state.generation = (state.generation || 0) + 1);
    state.element.removeAttribute("data-markers-drawn");
    return getJSON(url)
      .then(function (data) {
        if (generation !== state.generation) return null; // a newer URL took over
        var features = (data.features || []).filter(mapped);
        var most = 0;
        var total = 0;
        features.forEach(function (f) {
          var n = Number((f.properties || {}).people) || 0;
          most = Math.max(most, n);
          total += n;
        });
        var markers = features.map(function (f) {
          return incidentMarker(f, most);
        });
        return new Promise(function (resolve) {
          var layer = L.markerClusterGroup({
            iconCreateFunction: function (cluster) {
              return clusterIcon(cluster, total);
            },
            showCoverageOnHover: false,
            maxClusterRadius: 40,
            // Thousands of markers are added in chunks, keeping the page responsive.
            chunkedLoading: true,
            chunkProgress: function (done, all) {
              if (done === all) resolve({ layer: layer, count: markers.length });
            },
          });
          if (state.incidents) state.map.removeLayer(state.incidents);
          state.incidents = layer.addTo(state.map);
          layer.addLayers(markers);
        });
      })
      .then(function (drawn) {
        if (!drawn || generation !== state.generation) return;
        if (drawn.count) {
          // Without animation the view is final when data-markers-drawn is set.
          state.map.fitBounds(drawn.layer.getBounds(), {
            padding: [24, 24],
            maxZoom: 8,
            animate: false,
          });
        }
        state.element.setAttribute("data-markers-drawn", String(drawn.count));
      });
  }

  function failed(element, error) {
    element.setAttribute("data-map-error", String(error && error.message ? error.message : error));
    var note = text("p", "The map could not be drawn: " + element.getAttribute("data-map-error"));
    note.className = "map-error";
    element.appendChild(note);
  }

  function initMap(element) {
    if (element._repwatchMap) return;
    if (!element.clientHeight) element.style.height = "480px";
    element.style.background = COLOURS.sea; // leaflet.css would make the sea grey
    var map = L.map(element, {
      minZoom: 3,
      maxZoom: 12,
      zoomSnap: 0.5,
    });
    map.createPane("cities").style.zIndex = "450"; // over shapes, under incident markers
    map.fitBounds(REGION, { animate: false });
    map.attributionControl.addAttribution("Natural Earth · GeoNames");
    var tiles = element.getAttribute("data-tile-url");
    if (tiles) {
      L.tileLayer(tiles, {
        attribution: escaped(element.getAttribute("data-tile-attribution") || ""),
        maxZoom: 18,
      }).addTo(map);
    }
    var state = { element: element, map: map, incidents: null };
    element._repwatchMap = state;
    var base = element.getAttribute("data-basemap-url") || "/static/basemap/";
    if (base.charAt(base.length - 1) !== "/") base += "/";
    drawBase(map, base, Boolean(tiles))
      .then(function () {
        return drawIncidents(state);
      })
      .catch(function (error) {
        failed(element, error);
      });
    // A filter form may point the map at other incidents by changing the URL.
    new MutationObserver(function () {
      drawIncidents(state).catch(function (error) {
        failed(element, error);
      });
    }).observe(element, { attributes: true, attributeFilter: ["data-geojson-url"] });
  }

  function initMaps(root) {
    var scope = root && root.querySelectorAll ? root : document;
    if (scope.matches && scope.matches("[data-map]")) initMap(scope);
    var found = scope.querySelectorAll("[data-map]");
    for (var i = 0; i < found.length; i++) initMap(found[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      initMaps(document);
    });
  } else {
    initMaps(document);
  }
  // Content that htmx swaps in (a filtered overview) brings its own map element.
  document.addEventListener("htmx:load", function (event) {
    initMaps(event.detail && event.detail.elt);
  });
  document.addEventListener("htmx:beforeCleanupElement", function (event) {
    var element = event.detail && event.detail.elt;
    if (element && element._repwatchMap) {
      element._repwatchMap.map.remove();
      element._repwatchMap = null;
    }
  });
})();
