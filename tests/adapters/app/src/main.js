import { CachedStore, Registry, Store, sleep } from './util.js';
import './counter.js';

const log = [];
const tick = (label) => Promise.resolve().then(() => log.push(`tick ${label}`));

async function countdown(label, n) {
  while (n > 0) {
    log.push(`T-minus ${n} (${label})`);
    await null;
    n--;
  }
}

async function main() {
  const store = new CachedStore();
  const sizes = await Promise.all(['a', 'b', 'c'].map(async (key, i) => store.save(key, i)));
  log.push(`sizes ${sizes.join(',')}`);
  log.push(await store.load('b'), await store.load('z'));
  log.push(`empty store: ${(await Store.empty()) instanceof Store}`, await (await Registry.create('r')).describe());
  tick(1);
  await Promise.all([countdown('A', 2), countdown('B', 3)]);
  const thenable = { then(resolve) { log.push('then called'); resolve('thenable'); } };
  log.push(await thenable);
  log.push(`counted ${await globalThis.countTo(2, log)}`);
  await sleep(2);
  return log;
}

main().then((result) => console.log(result.join('\n')), (error) => console.log('failed', error));
