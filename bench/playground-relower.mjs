// How long the playground takes to re-lower a 1,000-line file: the same transform() its worker runs
// (with source maps and suspensions, as the page asks for them), median of repeated runs after warm-up.
import { fileURLToPath } from 'node:url';
import { transform } from '@yieldfrom/transformer';
import { median, summary } from './stats.mjs';

function thousandLines() {
  const chunks = [];
  for (let i = 0; chunks.join('\n').split('\n').length < 1000; i++) {
    chunks.push(`export async function load${i}(id, retries = 3) {
  for (let attempt = 0; attempt < retries; attempt++) {
    try {
      const response = await fetch(\`/api/\${id}?attempt=\${attempt}\`);
      if (!response.ok) continue;
      const body = await response.json();
      return { id, body, attempt };
    } finally {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
  throw new Error(\`gave up on \${id}\`);
}
export const helper${i} = async (x) => (await load${i}(x)).body;`);
  }
  return chunks.join('\n'); // whole functions, just over 1,000 lines
}

export async function run({ rounds = 5 } = {}) {
  const code = thousandLines();
  const once = () => {
    const started = performance.now();
    const result = transform(code, { filename: 'big.js', sourceMaps: true });
    void result.suspensions.length;
    return performance.now() - started;
  };
  for (let i = 0; i < 5; i++) once();
  const times = Array.from({ length: rounds * 4 }, once);
  return {
    median: median(times),
    markdown: `### Playground re-lowering (transform() of a ${code.split('\n').length}-line file, ${(code.length / 1000).toFixed(0)} kB, with map and suspensions)\n\n| ms: median (min–max) | target |\n| ---: | --- |\n| ${summary(times, 1)} | under 100 ms: ${median(times) < 100 ? 'met' : 'not met'} |`,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log((await run()).markdown);
