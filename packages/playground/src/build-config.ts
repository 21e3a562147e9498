// The options the user picked, written as the build configuration that gives the same output.
import { defaultOptions, type PlaygroundOptions } from './protocol';

/** An option's value as JavaScript: a string quoted, a boolean as it is. */
const literal = (value: string | boolean) => (typeof value === 'string' ? `'${value}'` : String(value));

/** The CLI flag for an option: `--promise global`; a boolean one stands alone, kebab-cased (`--async-function-prototype`). */
const flag = (key: string, value: string | boolean) => (typeof value === 'boolean' ? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : `--${key} ${value}`);

export function buildConfig(options: PlaygroundOptions, filename: string): string {
  const changed = (Object.keys(options) as (keyof PlaygroundOptions)[]).filter((key) => options[key] !== defaultOptions[key] && key !== 'sourceType');
  const pluginOptions = Object.fromEntries(changed.map((key) => [key, options[key]]));
  const properties = changed.map((key) => `${key}: ${literal(options[key])}`);
  const sourceType = options.sourceType === defaultOptions.sourceType ? '' : options.sourceType;
  const pluginProperties = [...properties, ...(sourceType ? [`sourceType: '${sourceType}'`] : [])];
  const pluginArgs = pluginProperties.length ? `{ ${pluginProperties.join(', ')} }` : '';
  const babelPlugin = changed.length ? `["@yieldfrom/transformer/babel", ${JSON.stringify(pluginOptions)}]` : '"@yieldfrom/transformer/babel"';
  const cliFlags = [...changed.map((key) => flag(key, options[key])), ...(sourceType ? [`--source-type ${sourceType}`] : [])].join(' ');
  const apiOptions: Record<string, string | boolean> = { filename, ...pluginOptions, ...(sourceType ? { sourceType } : {}) };
  return `// vite.config.js — the same plugin for Rollup, webpack, esbuild and rspack:
// '@yieldfrom/transformer/rollup', '/webpack', '/esbuild', '/rspack'
import yieldfrom from '@yieldfrom/transformer/vite';

export default {
  plugins: [yieldfrom(${pluginArgs})],
};

// babel.config.json
{
${sourceType ? `  "sourceType": "${sourceType}",\n` : ''}  "plugins": [${babelPlugin}]
}

// the command line
npx yieldfrom src --out-dir lib${cliFlags ? ` ${cliFlags}` : ''}

// the API
import { transform } from '@yieldfrom/transformer';
const { code, map } = transform(source, { ${Object.entries(apiOptions).map(([key, value]) => `${key}: ${literal(value)}`).join(', ')} });
${options.helpers === 'import' ? `
// The output imports its helpers: install the runtime beside your code.
npm install @yieldfrom/runtime` : ''}`;
}
