// Rapport's service worker (registered by index.html outside an LMS or iframe): keeps this
// version's files, so the app opens and plays with the network off. It serves only the site's own
// files and sends nothing anywhere. The wasm, data, scenarios and js are kept decompressed under their plain
// versioned URLs, so a warm load compiles the wasm from Cache Storage and V8 reuses its compiled code.
'use strict';
const VERSION = '@RAPPORT_VERSION@';
const CACHE = `rapport-${VERSION}`;
const PACKED = { 'rapport.wasm': 'application/wasm', 'rapport.data': 'application/octet-stream',
  'rapport-scenarios.bin': 'application/octet-stream',
  'rapport.js': 'text/javascript; charset=utf-8', 'rapport-studio.wasm': 'application/wasm',
  'rapport-studio.js': 'text/javascript; charset=utf-8' };
// Kept at install: the learners' app. The authoring studio's (?author=1) is kept when first opened.
const KEPT = ['rapport.wasm', 'rapport.data', 'rapport-scenarios.bin', 'rapport.js'];
const PLAIN = ['lms.js', 'manifest.webmanifest', 'icon.svg'];
const scope = new URL(self.registration.scope);
const at = (path) => new URL(path, scope).href;

/** A packed file of version `v`: its .gz decompressed here (smaller on an uncompressed host), else the plain file. */
async function fetchPacked(name, v) {
  if (typeof DecompressionStream === 'function') {
    try {
      const r = await fetch(at(`${name}.gz?v=${v}`));
      if (r.ok) {
        // A host that labels .gz with Content-Encoding has had the browser decompress it already.
        const body = r.headers.get('Content-Encoding') ? r.body : r.body.pipeThrough(new DecompressionStream('gzip'));
        const bytes = await new Response(body).arrayBuffer();
        return new Response(bytes, { headers: { 'Content-Type': PACKED[name] } });
      }
    } catch (e) { /* the plain file below */ }
  }
  return fetch(at(`${name}?v=${v}`));
}

async function keep(cache, key, response) {
  if (!response.ok) throw new Error(`${key} answered ${response.status}`);
  await cache.put(key, response);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all([
      ...KEPT.map(async (name) => keep(cache, at(`${name}?v=${VERSION}`), await fetchPacked(name, VERSION))),
      ...PLAIN.map(async (name) => keep(cache, at(`${name}?v=${VERSION}`), await fetch(at(`${name}?v=${VERSION}`)))),
      (async () => keep(cache, at('./'), await fetch(at('./'), { cache: 'no-cache' })))(),
    ]);
    await self.skipWaiting();
  })());
});

// The new version takes over at once; older versions' files go.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('rapport-') && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

/** The page from the network (a new version is picked up at once), from the cache when offline or slow. */
async function page(request) {
  const cached = () => caches.match(at('./'));
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((resolve) => setTimeout(resolve, 4000)),  // venue Wi-Fi that hangs: use the copy
    ]);
    if (response && response.ok) return response;
    return (await cached()) || response || fetch(request);
  } catch (e) {
    const copy = await cached();
    if (copy) return copy;
    throw e;
  }
}

async function asset(request) {
  const hit = await caches.match(request);
  if (hit) return hit;
  const url = new URL(request.url);
  const name = url.pathname.slice(scope.pathname.length);
  const v = url.searchParams.get('v');
  if (!v || !PACKED[name]) return fetch(request);
  // A version this worker does not hold yet (the page is newer): fetched compressed all the same.
  const response = await fetchPacked(name, v);
  if (response.ok && v === VERSION) (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const rest = url.pathname.slice(scope.pathname.length);
  if (request.mode === 'navigate') {
    if (rest === '' || rest === 'index.html') event.respondWith(page(request));
    return;
  }
  event.respondWith(asset(request));
});
