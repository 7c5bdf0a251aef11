// The plan's map layers from its artifacts: plan.geojson (kind = region | coverage | site | demand),
// backhaul.geojson (kind = backhaul: from, to, length_km, cost, existing) and security.geojson
// (layer = security: mode, trusted_nodes, key_rate_bps, stroke; layer = trusted-node).
import L from 'leaflet';

export const layerNames = [
  ['countries', 'Country outlines'],
  ['region', 'Region'],
  ['demand', 'Demand (sized by population)'],
  ['coverage', 'Coverage'],
  ['sites', 'Sites'],
  ['backhaul', 'Backhaul tree'],
  ['pops', 'Points of presence'],
  ['security', 'Link mode (QKD/PQC)'],
  ['trusted', 'Trusted nodes'],
];

export const modeColours = { 'qkd-direct': '#1b9e77', 'qkd-trusted-nodes': '#7570b3', 'pqc-hybrid': '#d95f02' };

/** Radius in pixels of a demand point of population p: area proportional to population, 2 to 18 px. */
export function demandRadius(population) {
  return Math.max(2, Math.min(18, 1.5 + Math.sqrt(Math.max(0, population)) / 60));
}

/**
 * Builds the Leaflet layers of a plan. Demand, coverage and links are drawn on one canvas (thousands of features
 * pan as one image); sites and PoPs are SVG so each is an element that can be named and clicked.
 */
export function buildPlanLayers(documents, renderers, onSelect) {
  const { plan, backhaul, security } = documents;
  const layers = {};
  const sites = [];
  const siteIds = new Set();
  if (plan) {
    const features = plan.features || [];
    const of = (kind) => features.filter((f) => f.properties && f.properties.kind === kind);
    layers.region = L.geoJSON(of('region'), {
      renderer: renderers.canvas, interactive: false,
      style: { color: '#3b4a6b', weight: 2, fill: true, fillColor: '#dfe6f3', fillOpacity: 0.35 },
    });
    layers.coverage = L.geoJSON(of('coverage'), {
      renderer: renderers.canvas, interactive: false,
      style: { color: '#2b7bba', weight: 1, opacity: 0.6, fillColor: '#2b7bba', fillOpacity: 0.12 },
    });
    layers.demand = L.featureGroup(of('demand').map((f) => {
      const p = f.properties;
      const [lon, lat] = f.geometry.coordinates;
      const marker = L.circleMarker([lat, lon], {
        renderer: renderers.canvas,
        radius: demandRadius(p.population),
        color: p.covered ? '#2f6f3e' : '#b3261e',
        weight: 1,
        fillColor: p.covered ? '#5fb36f' : '#e8685f',
        fillOpacity: 0.55,
      });
      marker.on('click', () => onSelect({ kind: 'demand', properties: p, latlng: [lat, lon] }));
      return marker;
    }));
    const coverageBySite = new Map(of('coverage').map((f) => [f.properties.site, f.properties]));
    layers.sites = L.featureGroup(of('site').map((f) => {
      const p = f.properties;
      siteIds.add(p.id);
      const [lon, lat] = f.geometry.coordinates;
      const site = { kind: 'site', properties: p, coverage: coverageBySite.get(p.id), latlng: [lat, lon], plan: plan.plan };
      sites.push(site);
      const marker = L.circleMarker([lat, lon], {
        renderer: renderers.svg,
        radius: 5,
        color: '#12355b',
        weight: 1.5,
        fillColor: p.flag === 'fixed' ? '#f2b705' : '#ffffff',
        fillOpacity: 1,
        className: 'site-marker',
      });
      marker.on('click', () => onSelect(site));
      marker.on('add', () => {
        const element = marker.getElement();
        if (element) {
          element.setAttribute('data-site', p.id);
          element.setAttribute('aria-label', `site ${p.id}`);
        }
      });
      site.marker = marker;
      return marker;
    }));
  }
  if (backhaul) {
    const links = (backhaul.features || []).filter((f) => f.properties && f.properties.kind === 'backhaul');
    layers.backhaul = L.geoJSON(links, {
      renderer: renderers.canvas,
      style: (f) => ({ color: '#5a3e85', weight: 2, opacity: 0.8, dashArray: f.properties.existing ? '4 4' : null }),
      onEachFeature: (f, layer) => layer.on('click', () => onSelect({ kind: 'backhaul', properties: f.properties })),
    });
    const pops = new Map();
    for (const f of links) {
      const ends = [[f.properties.from, f.geometry.coordinates[0]], [f.properties.to, f.geometry.coordinates[1]]];
      for (const [id, [lon, lat]] of ends) {
        if (!siteIds.has(id)) {
          pops.set(id, [lat, lon]);
        }
      }
    }
    layers.pops = L.featureGroup([...pops].map(([id, latlng]) => {
      const marker = L.circleMarker(latlng, { renderer: renderers.svg, radius: 8, color: '#000', weight: 2, fillColor: '#8e44ad', fillOpacity: 1, className: 'pop-marker' });
      marker.on('click', () => onSelect({ kind: 'pop', properties: { id } }));
      return marker;
    }));
  }
  if (security) {
    const features = security.features || [];
    layers.security = L.geoJSON(features.filter((f) => f.properties.layer === 'security'), {
      renderer: renderers.canvas,
      style: (f) => ({ color: f.properties.stroke || modeColours[f.properties.mode] || '#555', weight: 3.5, opacity: 0.9 }),
      onEachFeature: (f, layer) => layer.on('click', () => onSelect({ kind: 'link', properties: f.properties })),
    });
    layers.trusted = L.geoJSON(features.filter((f) => f.properties.layer === 'trusted-node'), {
      pointToLayer: (f, latlng) => L.circleMarker(latlng, { renderer: renderers.canvas, radius: 4, color: '#7570b3', weight: 2, fillColor: '#fff', fillOpacity: 1 }),
      onEachFeature: (f, layer) => layer.on('click', () => onSelect({ kind: 'trusted-node', properties: f.properties })),
    });
  }
  return { layers, sites };
}
