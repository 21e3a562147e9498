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

// The last `//# sourceMappingURL=` comment of a file (the one tools honour), with what follows it; the
// line break before it stays, so the code still ends with one.
const mapComment = /\/\/[#@][ \t]+sourceMappingURL=([^\s'"]+)\s*$/;

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
 * The code without its `sourceMappingURL` comment, and the URL the comment gave; with `read`, also the
 * map the URL names, if it can be read, with its sources made absolute. The comment goes whether or not
 * its map can be read (as with Babel): it describes the text before lowering, so an output that kept it
 * would lead to the wrong places, or say twice where its map is. A map that cannot be read or parsed is
 * ignored, as bundlers do.
 */
export function takeInputMap(file: string, code: string, { read }: { read: boolean }): { code: string; url: string | null; map: SourceMap | null } {
  const match = mapComment.exec(code);
  if (!match) return { code, url: null, map: null };
  const url = match[1]!;
  const withoutComment = { code: code.slice(0, match.index), url, map: null };
  if (!read) return withoutComment;
  let map: SourceMap;
  try {
    const text = readMapText(file, url);
    if (text === null) return withoutComment;
    map = JSON.parse(text) as SourceMap & { sourceRoot?: string };
  } catch {
    return withoutComment;
  }
  const mapDir = url.startsWith('data:') ? path.dirname(file) : path.dirname(path.resolve(path.dirname(file), decodeURIComponent(url)));
  const root = (map as { sourceRoot?: string }).sourceRoot ?? '';
  const sources = map.sources.map((source) => (source === null ? null : path.resolve(mapDir, root, source)));
  return { ...withoutComment, map: { ...map, sources, sourceRoot: undefined } as SourceMap };
}

/** The map with its (absolute) sources named relative to `dir`, where it is written. */
export function withSourcesRelativeTo(map: SourceMap, dir: string): SourceMap {
  return { ...map, sources: map.sources.map((source) => (source === null || !path.isAbsolute(source) ? source : path.relative(dir, source).split(path.sep).join('/'))) };
}
