// Source maps out (chained through an input map when there is one) and the suspension table that
// links each `await` to the `yield` it became.
import remapping from '@jridgewell/remapping';
import type MagicString from 'magic-string';
import type * as t from '@babel/types';

export interface SourceMap {
  version: number;
  file?: string;
  sources: (string | null)[];
  sourcesContent?: (string | null)[];
  names: string[];
  mappings: string;
}

export function buildMap(s: MagicString, filename: string, inputSourceMap: object | null): SourceMap {
  markTokenStarts(s);
  // No `file` here: magic-string would make `source` relative to it.
  const map = s.generateMap({ hires: false, source: filename, includeContent: true });
  const plain: SourceMap = {
    version: 3,
    file: filename.split(/[\\/]/).pop(),
    sources: map.sources,
    sourcesContent: map.sourcesContent,
    names: map.names,
    mappings: map.mappings,
  };
  return inputSourceMap ? chainMaps(plain, inputSourceMap) : plain;
}

/** The lowering's map followed back through the map of the code it was given: one map to the original. */
export function chainMaps(map: object, inputSourceMap: object): SourceMap {
  // remapping's result serializes to a plain map; made plain here so callers can spread and compare it.
  return JSON.parse(JSON.stringify(remapping([map as never, inputSourceMap as never], () => null))) as SourceMap;
}

/**
 * Asks for a mapping at the start of every run of word characters and at every other character but
 * whitespace: each token start (each `yield` included) is mapped, as with magic-string's
 * `hires: 'boundary'`, without the segment that mode gives every space and tab of the indentation.
 * Half the mappings, and half the time to make them; a position in whitespace maps to the token
 * before it.
 */
function markTokenStarts(s: MagicString) {
  const code = s.original;
  let inWord = false;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c > 127) {
      if (!inWord) s.addSourcemapLocation(i);
      inWord = true;
    } else {
      inWord = false;
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) s.addSourcemapLocation(i);
    }
  }
}

// Spliced in rather than written after a line break: bundled for Node, `\n` becomes a real line break,
// and a line of this module's own text opening with the comment would read, to Vite and other tools
// loading the bundle, as the bundle's map (scripts/bundle-node.mjs checks).
const sourceMappingURLComment = '//# sourceMappingURL=';

export function inlineMapComment(map: SourceMap): string {
  const base64 =
    typeof Buffer !== 'undefined'
      ? Buffer.from(JSON.stringify(map)).toString('base64')
      : btoa(unescape(encodeURIComponent(JSON.stringify(map))));
  return `\n${sourceMappingURLComment}data:application/json;charset=utf-8;base64,${base64}`;
}

export interface Range {
  /** 0-based offsets into the text. */
  start: number;
  end: number;
  /** 1-based line and 0-based column of `start`. */
  line: number;
  column: number;
}

/** One `await` and the `yield` it became. */
export interface Suspension {
  /** The `await` expression in the input. */
  source: Range;
  /** The `yield` expression in the output. */
  output: Range;
  /** The enclosing async function's name ("" when anonymous). */
  functionName: string;
}

export interface PendingSuspension {
  node: t.AwaitExpression;
  functionName: string;
}

/**
 * Maps each await's start and end through a high-resolution map of the edits. Computed on first
 * access only, so callers that never read `suspensions` pay nothing for it.
 */
export function computeSuspensions(s: MagicString, input: string, output: string, pending: PendingSuspension[]): Suspension[] {
  if (!pending.length) return [];
  const wanted = new Set<number>();
  for (const { node } of pending) {
    wanted.add(node.start!);
    wanted.add(node.end! - 1);
  }
  const inputLineStarts = lineStarts(input);
  const outputLineStarts = lineStarts(output);
  const found = new Map<number, number>();
  const decoded = s.generateDecodedMap({ hires: true });
  decoded.mappings.forEach((segments, generatedLine) => {
    for (const segment of segments) {
      if (segment.length < 4) continue;
      const original = inputLineStarts[segment[2]!]! + segment[3]!;
      if (wanted.has(original) && !found.has(original)) found.set(original, outputLineStarts[generatedLine]! + segment[0]);
    }
  });
  const range = (start: number, end: number, starts: number[]): Range => {
    const line = upperBound(starts, start);
    return { start, end, line, column: start - starts[line - 1]! };
  };
  return pending.map(({ node, functionName }) => {
    const outStart = found.get(node.start!) ?? 0;
    const outEnd = (found.get(node.end! - 1) ?? outStart) + 1;
    return {
      source: range(node.start!, node.end!, inputLineStarts),
      output: range(outStart, outEnd, outputLineStarts),
      functionName,
    };
  });
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 1-based line containing `offset`. */
function upperBound(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
