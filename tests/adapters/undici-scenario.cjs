// What tests/adapters/third-party.test.ts asks of undici, the original or its lowered copy (the
// package's directory is the first argument): requests, fetch, streams, pools, agents, mocks, aborts
// and timeouts against a local server, each step's outcome printed as one JSON array. Every outcome
// is independent of timing (the slow route answers 20 times later than the abort and the timeout).
const http = require('node:http');
const { Readable, Writable } = require('node:stream');
const { pipeline } = require('node:stream/promises');
const undici = require(process.argv[2]);

const server = http.createServer(async (req, res) => {
  const route = new URL(req.url, 'http://local').pathname;
  if (route === '/json') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ hello: 'world', n: 42 }));
  } else if (route === '/chunks') {
    res.write('a'.repeat(1000));
    setTimeout(() => {
      res.write('b'.repeat(1000));
      setTimeout(() => res.end('c'), 5);
    }, 5);
  } else if (route === '/echo') {
    let body = '';
    for await (const chunk of req) body += chunk;
    res.end(`${req.method} ${req.headers['x-test'] ?? '-'} ${body}`);
  } else if (route === '/redirect') {
    res.statusCode = 302;
    res.setHeader('location', '/json');
    res.end();
  } else if (route === '/slow') {
    setTimeout(() => res.end('slow'), 2000).unref();
  } else if (route === '/bad-json') {
    res.setHeader('content-type', 'application/json');
    res.end('{not json');
  } else {
    res.statusCode = 404;
    res.end('nope');
  }
});

const sink = (into) => new Writable({ write(chunk, _, done) { into.push(String(chunk)); done(); } });

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const log = [];
  const step = async (name, run) => {
    try {
      log.push(`${name}: ${await run()}`);
    } catch (error) {
      log.push(`${name} threw ${error?.name}: ${error?.code ?? error?.message}`);
    }
  };
  await step('request json', async () => {
    const { statusCode, body } = await undici.request(`${base}/json`);
    return `${statusCode} ${JSON.stringify(await body.json())}`;
  });
  await step('request 404', async () => {
    const { statusCode, body } = await undici.request(`${base}/missing`);
    return `${statusCode} ${await body.text()}`;
  });
  await step('request body by for await', async () => {
    const { body } = await undici.request(`${base}/chunks`);
    let bytes = 0;
    for await (const chunk of body) bytes += chunk.length;
    return `${bytes} bytes`;
  });
  await step('request post', async () => {
    const { body } = await undici.request(`${base}/echo`, { method: 'POST', headers: { 'x-test': 'yes' }, body: 'payload' });
    return body.text();
  });
  await step('request body from an async generator', async () => {
    async function* parts() {
      yield 'x';
      await new Promise((resolve) => setTimeout(resolve, 5));
      yield 'y';
    }
    const { body } = await undici.request(`${base}/echo`, { method: 'PUT', body: parts() });
    return body.text();
  });
  await step('fetch json', async () => {
    const response = await undici.fetch(`${base}/json`);
    return `${response.status} ${response.headers.get('content-type')} ${JSON.stringify(await response.json())}`;
  });
  await step('fetch redirect', async () => {
    const response = await undici.fetch(`${base}/redirect`);
    return `${response.status} ${response.redirected} ${new URL(response.url).pathname} ${await response.text()}`;
  });
  await step('fetch body by for await', async () => {
    const response = await undici.fetch(`${base}/chunks`);
    let bytes = 0;
    for await (const chunk of response.body) bytes += chunk.length;
    return `${bytes} bytes`;
  });
  await step('fetch invalid json', async () => JSON.stringify(await (await undici.fetch(`${base}/bad-json`)).json()));
  await step('fetch aborted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await undici.fetch(`${base}/slow`, { signal: controller.signal });
    return 'not aborted';
  });
  await step('request headers timeout', async () => {
    await undici.request(`${base}/slow`, { headersTimeout: 100 });
    return 'no timeout';
  });
  await step('connection refused', async () => {
    await undici.request('http://127.0.0.1:1/');
    return 'connected';
  });
  await step('pool of two connections', async () => {
    const pool = new undici.Pool(base, { connections: 2 });
    const texts = await Promise.all([1, 2, 3, 4, 5].map(async (i) => (await pool.request({ path: '/echo', method: 'POST', body: String(i) })).body.text()));
    await pool.close();
    return texts.join(' | ');
  });
  await step('stream', async () => {
    const out = [];
    await undici.stream(`${base}/json`, { opaque: null }, () => sink(out));
    return out.join('');
  });
  await step('pipeline', async () => {
    const out = [];
    await pipeline(Readable.from(['ping']), undici.pipeline(`${base}/echo`, { method: 'POST' }, ({ body }) => body), sink(out));
    return out.join('');
  });
  await step('agent', async () => {
    const agent = new undici.Agent({ keepAliveTimeout: 10 });
    const text = await (await undici.fetch(`${base}/json`, { dispatcher: agent })).text();
    await agent.close();
    return text;
  });
  await step('mock agent', async () => {
    const mock = new undici.MockAgent();
    mock.disableNetConnect();
    mock.get('http://mocked.test').intercept({ path: '/x' }).reply(200, { mocked: true });
    return JSON.stringify(await (await undici.fetch('http://mocked.test/x', { dispatcher: mock })).json());
  });
  await step('form data', async () => {
    const form = new undici.FormData();
    form.append('field', 'value');
    const text = await (await undici.fetch(`${base}/echo`, { method: 'POST', body: form })).text();
    return /name="field"\r\n\r\nvalue/.test(text) ? 'multipart with the field' : text;
  });
  await step('clone and arrayBuffer', async () => {
    const response = await undici.fetch(`${base}/json`);
    const copy = response.clone();
    return `${(await response.arrayBuffer()).byteLength} ${(await copy.text()).length}`;
  });
  process.stdout.write(JSON.stringify(log));
  server.closeAllConnections();
  server.close();
  process.exit(0);
});
