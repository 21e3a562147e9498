// The build plugins test regular-expression include/exclude without loading @rollup/pluginutils: they
// must choose exactly the files its createFilter chooses (globs still go through it).
import { createFilter } from '@rollup/pluginutils';
import { describe, expect, it } from 'vitest';
import { normalizePluginOptions } from '../../packages/transformer/dist/plugin-options.js';

const ids = [
  '/app/src/main.js',
  '/app/src/view.tsx',
  '/app/src/style.css',
  'C:\\app\\src\\main.ts',
  '/app/node_modules/p-map/index.js',
  'C:\\app\\node_modules\\p-map\\index.js',
  '/app/packages/runtime/dist/spawn.js',
  '\0virtual:module.js',
  '/app/src/legacy/old.js',
  '/app/src/main.js?v=123',
];

describe('include/exclude as regular expressions', () => {
  const cases = [
    {},
    { include: /\.ts$/ },
    { exclude: /legacy/ },
    { include: [/src/, /\.tsx$/g], exclude: [/old/y] },
    { lowerDependencies: true },
    { include: [], exclude: /view/ },
  ];
  for (const options of cases) {
    it(`chooses what createFilter chooses: ${JSON.stringify(options, (_, v) => (v instanceof RegExp ? String(v) : v))}`, () => {
      const ours = normalizePluginOptions(options);
      const { include, exclude } = ours.hookFilter.id;
      const theirs = createFilter(include, exclude);
      for (const id of ids) expect(ours.isIncluded(id), id).toBe(theirs(id.replace(/[?#].*$/, '')));
    });
  }

  it('globs still work, through @rollup/pluginutils', () => {
    const { isIncluded } = normalizePluginOptions({ include: '**/src/**/*.js', exclude: ['**/legacy/**'] });
    expect(isIncluded('/app/src/main.js')).toBe(true);
    expect(isIncluded('/app/src/legacy/old.js')).toBe(false);
    expect(isIncluded('/app/lib/main.js')).toBe(false);
  });
});
