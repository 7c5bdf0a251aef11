// Every data call of the console: the API under /api/v1 with the key from session storage as a bearer token.
const storageKey = 'quanet.apiKey';

export const session = {
  get key() {
    return sessionStorage.getItem(storageKey);
  },
  set key(value) {
    if (value) {
      sessionStorage.setItem(storageKey, value);
    } else {
      sessionStorage.removeItem(storageKey);
    }
  },
};

/** An API answer that was not 2xx: the problem+json detail when there is one. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function headers(extra) {
  const h = { Accept: 'application/json', ...extra };
  if (session.key) {
    h.Authorization = `Bearer ${session.key}`;
  }
  return h;
}

async function fail(response, path) {
  let detail = '';
  try {
    const body = await response.json();
    detail = body.detail || body.title || '';
  } catch {
    // not JSON: the status says it
  }
  const reason = {
    401: 'the key was not accepted',
    403: 'your role may not do this',
    404: 'not found',
  }[response.status];
  throw new ApiError(response.status, `${path}: ${detail || reason || response.statusText} (HTTP ${response.status})`);
}

/** GET a JSON document. */
export async function getJson(path, signal) {
  const response = await fetch(path, { headers: headers(), signal });
  if (!response.ok) {
    await fail(response, path);
  }
  return response.json();
}

/** POST a JSON body (or nothing); answers the JSON body or null. */
export async function postJson(path, body) {
  const init = { method: 'POST', headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }) };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (!response.ok) {
    await fail(response, path);
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/**
 * Reads a text/event-stream with fetch and a stream reader (EventSource cannot send the Authorization header),
 * calling onEvent(name, data) per event until the stream ends or signal aborts.
 */
export async function readEvents(path, onEvent, signal) {
  const response = await fetch(path, { headers: headers({ Accept: 'text/event-stream' }), signal });
  if (!response.ok) {
    await fail(response, path);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      break;
    }
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      dispatch(block, onEvent);
    }
  }
  if (buffer.trim()) {
    dispatch(buffer, onEvent);
  }
}

function dispatch(block, onEvent) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') {
      name = value;
    } else if (field === 'data') {
      data.push(value);
    }
  }
  if (data.length) {
    onEvent(name, data.join('\n'));
  }
}
