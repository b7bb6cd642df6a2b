// A small static file server for build/web/site (used by ci/serve.sh, the browser tests and the
// benchmark): correct MIME types (application/wasm), loopback only, optionally gzip, and caching
// headers for a versioned site: names with ?v= are kept for good, pages are revalidated.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.data': 'application/octet-stream', '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8', '.zip': 'application/zip', '.gz': 'application/gzip',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.data', '.json', '.css', '.svg', '.xml', '.txt', '.webmanifest']);

/** Cache-Control for a request: versioned names for a year, pages and the worker always revalidated. */
function cacheControl(file, url) {
  if (url.searchParams.has('v')) return 'public, max-age=31536000, immutable';
  if (file.endsWith('.html') || file.endsWith('sw.js')) return 'no-cache';
  return 'public, max-age=300';
}

/**
 * Serves `root` on 127.0.0.1:`port` (0 picks a free port). Resolves to { server, url }. `types`
 * overrides content types by extension (tests imitate hosts that label files differently). With
 * `gzip`, a client that accepts gzip gets it (Content-Encoding), from the build's .gz copy where
 * there is one; a request for a .gz copy itself is answered as the file it holds, with
 * Content-Encoding, as a well-configured host does. Without it, files go as they are.
 */
export function serveStatic(root, port = 0, host = '127.0.0.1', { types = {}, gzip = false } = {}) {
  const base = resolve(root);
  const packed = new Map();  // on-the-fly gzip, by path and modification time
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      let file = normalize(join(base, decodeURIComponent(url.pathname)));
      if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      let type = types[extname(file)] || TYPES[extname(file)] || 'application/octet-stream';
      const headers = { 'Cache-Control': cacheControl(file, url) };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        const inner = file.endsWith('.gz') ? file.slice(0, -3) : null;
        if (inner) {
          type = types[extname(inner)] || TYPES[extname(inner)] || 'application/octet-stream';
          headers['Content-Encoding'] = 'gzip';
        } else if (COMPRESSIBLE.has(extname(file))) {
          const copy = await readFile(`${file}.gz`).catch(() => null);
          const when = (await stat(file)).mtimeMs;
          const key = `${file}@${when}`;
          if (!copy && !packed.has(key)) packed.set(key, gzipSync(body, { level: 6 }));
          body = copy || packed.get(key);
          headers['Content-Encoding'] = 'gzip';
        }
        headers.Vary = 'Accept-Encoding';
      }
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok({ server, url: `http://${host}:${server.address().port}/` }));
  });
}

// node web/serve.mjs [root] [port] [--plain]: serves with gzip unless --plain.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const root = args[0] || 'build/web/site';
  const port = Number(args[1] || 8080);
  const { url } = await serveStatic(root, port, '127.0.0.1', { gzip: !process.argv.includes('--plain') });
  console.log(`Rapport is being served at ${url}  (Ctrl+C stops it)`);
}
