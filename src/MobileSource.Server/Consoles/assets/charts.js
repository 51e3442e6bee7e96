// Small SVG charts drawn here, so the consoles need no chart library: grouped bars per day, and an optional line
// (a rate, 0..1) on its own scale at the right.
const svgNs = 'http://www.w3.org/2000/svg';

function el(name, attributes, text) {
  const node = document.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** series: [{ label, colour, values }]; line: { label, colour, values (0..1 or null) } or null; labels: x labels. */
export function barChart(container, labels, series, line = null) {
  const width = 900, height = 240, left = 44, right = line ? 48 : 12, top = 24, bottom = 36;
  const plotWidth = width - left - right, plotHeight = height - top - bottom;
  const max = Math.ceil(Math.max(1, ...series.flatMap((s) => s.values)) / 4) * 4; // four whole-number steps
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'bar-chart' });
  const slot = plotWidth / Math.max(1, labels.length);
  const barWidth = Math.max(2, (slot * 0.8) / series.length);
  for (let tick = 0; tick <= 4; tick++) {
    const y = top + plotHeight - (plotHeight * tick) / 4;
    svg.append(el('line', { x1: left, x2: width - right, y1: y, y2: y, class: 'grid' }));
    svg.append(el('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'axis' }, String(Math.round((max * tick) / 4))));
    if (line) svg.append(el('text', { x: width - right + 6, y: y + 4, class: 'axis' }, `${tick * 25}%`));
  }
  labels.forEach((label, i) => {
    series.forEach((s, j) => {
      const value = s.values[i];
      const h = (plotHeight * value) / max;
      const bar = el('rect', { x: left + i * slot + slot * 0.1 + j * barWidth, y: top + plotHeight - h, width: barWidth, height: h, fill: s.colour });
      bar.append(el('title', {}, `${label} ${s.label}: ${value}`));
      svg.append(bar);
    });
    if (labels.length <= 16 || i % Math.ceil(labels.length / 16) === 0) {
      svg.append(el('text', { x: left + i * slot + slot / 2, y: height - bottom + 16, 'text-anchor': 'middle', class: 'axis' }, label));
    }
  });
  if (line) {
    const points = line.values.map((v, i) => (v === null ? null : `${left + i * slot + slot / 2},${top + plotHeight - plotHeight * v}`)).filter(Boolean);
    if (points.length) svg.append(el('polyline', { points: points.join(' '), fill: 'none', stroke: line.colour, 'stroke-width': 2.5 }));
  }
  const legend = document.createElement('div');
  legend.className = 'legend';
  for (const item of [...series, ...(line ? [line] : [])]) {
    const key = document.createElement('span');
    const swatch = document.createElement('i');
    swatch.style.background = item.colour;
    key.append(swatch, document.createTextNode(item.label));
    legend.append(key);
  }
  container.replaceChildren(svg, legend);
}
