// The offline API reference at /api-docs: renders the server's OpenAPI document (/openapi/v1.json) as a list of
// operations with their policy, parameters, body and responses. No third-party viewer, nothing remote.
import { getJson } from './api.js';
import { $, el, fill, table } from './dom.js';
import './style.css';

const methods = ['get', 'post', 'put', 'patch', 'delete'];

function schemaName(schema) {
  if (!schema) {
    return '';
  }
  if (schema.$ref) {
    return schema.$ref.split('/').pop();
  }
  if (schema.type === 'array') {
    return `${schemaName(schema.items)}[]`;
  }
  return Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type || 'object');
}

function operation(path, method, op) {
  const policy = op['x-quanet-policy'] || (op.security && op.security.length ? 'authenticated' : 'see description');
  const parameters = op.parameters || [];
  const body = op.requestBody && op.requestBody.content ? Object.entries(op.requestBody.content) : [];
  const responses = Object.entries(op.responses || {});
  return el('section', { class: 'operation', 'data-search': `${method} ${path} ${op.summary || ''} ${policy}`.toLowerCase() },
    el('h2', {}, el('span', { class: `method ${method}` }, method.toUpperCase()), ' ', el('code', {}, path)),
    op.summary ? el('p', {}, op.summary) : null,
    op.description ? el('p', { class: 'help' }, op.description) : null,
    el('p', {}, 'Policy: ', el('strong', {}, String(policy)), op.operationId ? ` · operation ${op.operationId}` : ''),
    parameters.length ? table('Parameters', ['Name', 'In', 'Required', 'Type'], parameters.map((p) => [p.name, p.in, p.required ? 'yes' : 'no', schemaName(p.schema)])) : null,
    body.length ? table('Request body', ['Media type', 'Schema'], body.map(([type, c]) => [type, schemaName(c.schema)])) : null,
    table('Responses', ['Status', 'Description'], responses.map(([code, r]) => [code, r.description || ''])));
}

async function start() {
  try {
    const doc = await getJson('/openapi/v1.json');
    const info = doc.info || {};
    $('docs-status').textContent = `${info.title || 'API'} ${info.version || ''} · OpenAPI ${doc.openapi || ''}`;
    const sections = [];
    for (const [path, item] of Object.entries(doc.paths || {}).sort(([a], [b]) => a.localeCompare(b))) {
      for (const method of methods) {
        if (item[method]) {
          sections.push(operation(path, method, item[method]));
        }
      }
    }
    fill($('docs'), sections);
  } catch (error) {
    $('docs-status').textContent = `${error.message}. Sign in on the console first (the key is kept for this tab), then open this page from there.`;
  }
  $('docs-filter').addEventListener('input', (e) => {
    const q = e.target.value.trim().toLowerCase();
    for (const section of document.querySelectorAll('.operation')) {
      section.hidden = q !== '' && !section.dataset.search.includes(q);
    }
  });
}

start();
