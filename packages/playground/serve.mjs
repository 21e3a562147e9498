// `npm start` (after the build): serves the built playground on this machine only and prints its URL.
// The browser tests use it too. Every response carries the same Content-Security-Policy as the page's
// <meta> tag, so workers (which the tag does not cover) cannot reach another origin either.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.json': 'application/json', '.wasm': 'application/wasm', '.map': 'application/json' };

/** The policy in index.html's <meta> tag: one source of truth for both. */
function contentSecurityPolicy(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  return /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? "default-src 'self'";
}

/** Starts the server; resolves to its URL. Port 0 picks a free one. */
export function serve({ port = Number(process.env.PORT ?? 4173), host = '127.0.0.1', dist = path.join(here, 'dist') } = {}) {
  const policy = contentSecurityPolicy(dist);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let file = path.normalize(path.join(dist, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dist)) {
      response.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': types[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': policy,
      'x-content-type-options': 'nosniff',
      // Hashed asset names never change content; the page itself is always revalidated.
      'cache-control': file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve({ url: `http://${host}:${server.address().port}/`, close: () => new Promise((done) => server.close(done)) }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!fs.existsSync(path.join(here, 'dist', 'index.html'))) {
    console.error('The playground is not built: run `npm run build` first (or `npm start` at the repository root).');
    process.exit(1);
  }
  try {
    const { url } = await serve();
    console.log(`yieldfrom playground: ${url}  (Ctrl+C to stop)`);
  } catch (error) {
    console.error(`Could not start the server: ${error.message}${error.code === 'EADDRINUSE' ? ' (set PORT to use another port)' : ''}`);
    process.exit(1);
  }
}
