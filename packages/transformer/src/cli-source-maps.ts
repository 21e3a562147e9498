// Source maps for `yieldfrom --source-maps`: a file that already points at a map (compiled from
// TypeScript, say) gets an output map chained through it, so each `yield` leads back to the `await`
// in the file that was written by hand; and the map's sources are named relative to where the map
// is written, so the output folder can move.
//
//   dist/a.js            "... //# sourceMappingURL=a.js.map"   (a.js.map: sources ["../src/a.ts"])
//   out/a.js, out/a.js.map                                      (sources ["../src/a.ts"], through both maps)
import fs from 'node:fs';
import path from 'node:path';
import type { SourceMap } from './source-map.js';

// The last `//# sourceMappingURL=` comment of a file (the one tools honour), with what follows it.
const mapComment = /(?:\r?\n)?\/\/[#@][ \t]+sourceMappingURL=([^\s'"]+)[ \t]*(?:\r?\n)?$/;

function readMapText(file: string, url: string): string | null {
  if (url.startsWith('data:')) {
    const comma = url.indexOf(',');
    const data = url.slice(comma + 1);
    return /;base64$/i.test(url.slice(0, comma)) ? Buffer.from(data, 'base64').toString('utf8') : decodeURIComponent(data);
  }
  const mapFile = path.resolve(path.dirname(file), decodeURIComponent(url));
  return fs.existsSync(mapFile) ? fs.readFileSync(mapFile, 'utf8') : null;
}

/**
 * The file's own map, if it names one that can be read, with its sources made absolute; and the code
 * without the comment that named it (the output gets its own). A map that cannot be read or parsed
 * is ignored, as bundlers do.
 */
export function takeInputMap(file: string, code: string): { code: string; map: SourceMap | null } {
  const match = mapComment.exec(code);
  if (!match) return { code, map: null };
  let map: SourceMap;
  try {
    const text = readMapText(file, match[1]!);
    if (text === null) return { code, map: null };
    map = JSON.parse(text) as SourceMap & { sourceRoot?: string };
  } catch {
    return { code, map: null };
  }
  const url = match[1]!;
  const mapDir = url.startsWith('data:') ? path.dirname(file) : path.dirname(path.resolve(path.dirname(file), decodeURIComponent(url)));
  const root = (map as { sourceRoot?: string }).sourceRoot ?? '';
  const sources = map.sources.map((source) => (source === null ? null : path.resolve(mapDir, root, source)));
  return { code: code.slice(0, match.index), map: { ...map, sources, sourceRoot: undefined } as SourceMap };
}

/** The map with its (absolute) sources named relative to `dir`, where it is written. */
export function withSourcesRelativeTo(map: SourceMap, dir: string): SourceMap {
  return { ...map, sources: map.sources.map((source) => (source === null || !path.isAbsolute(source) ? source : path.relative(dir, source).split(path.sep).join('/'))) };
}
