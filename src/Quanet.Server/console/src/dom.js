// Small DOM helpers: text always goes through textContent, never innerHTML, so API data cannot inject markup.

/** Creates an element with attributes and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (value === true) {
      node.setAttribute(name, '');
    } else {
      node.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

export const $ = (id) => document.getElementById(id);

/** Replaces the children of node. */
export function fill(node, ...children) {
  node.replaceChildren();
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
}

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A number for people: thousands separated, at most two decimals. */
export function number(value, digits) {
  if (value === undefined || value === null || value === '') {
    return '–';
  }
  if (typeof value !== 'number') {
    return String(value);
  }
  if (digits !== undefined) {
    return new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
  }
  return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
}

/** A definition list from [term, value] pairs. */
export function definitions(pairs) {
  return el('dl', { class: 'figures' }, pairs.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
}

/** A table with a caption, column heads and rows of cells (strings or nodes). */
export function table(caption, heads, rows) {
  return el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, heads.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((row) => el('tr', {}, row.map((cell) => el('td', {}, cell))))));
}

/** Microseconds since 1970 (the operations documents) or an ISO string as local date and time. */
export function when(value) {
  if (value === undefined || value === null) {
    return '–';
  }
  const date = typeof value === 'number' ? new Date(value / 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString('en-GB');
}
