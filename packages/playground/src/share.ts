// The whole state in the URL hash: "#v1." + base64url(deflate-raw(JSON)). The version prefix picks
// the decoder, so a link made today keeps opening after the format changes: add a decoder for the
// new version and keep the old ones, each upgrading to the current shape.
import { defaultOptions, type PlaygroundOptions } from './protocol';

export interface SharedState {
  code: string;
  filename: string;
  options: PlaygroundOptions;
  /** The selected bottom pane (console, timeline, diagnostics, compare, config). */
  pane: string;
  /** The output pane shows a diff of source and output. */
  diff?: boolean;
}

export const currentVersion = 'v1';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const response = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await response.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** One decoder per link version ever published, each returning the current shape. */
const decoders: Record<string, (data: string) => Promise<SharedState>> = {
  async v1(data) {
    const json = new TextDecoder().decode(await pipe(fromBase64Url(data), new DecompressionStream('deflate-raw')));
    const parsed = JSON.parse(json) as Partial<SharedState>;
    if (typeof parsed.code !== 'string') throw new Error('no code');
    return {
      code: parsed.code,
      filename: typeof parsed.filename === 'string' && parsed.filename ? parsed.filename : 'input.js',
      options: { ...defaultOptions, ...parsed.options },
      pane: typeof parsed.pane === 'string' ? parsed.pane : 'console',
      diff: parsed.diff === true,
    };
  },
};

export async function encodeState(state: SharedState): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  return `${currentVersion}.${toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')))}`;
}

/** Reads a hash made by any version so far; null when it is not a playground link (or is damaged). */
export async function decodeState(hash: string): Promise<SharedState | null> {
  const text = hash.replace(/^#/, '');
  const dot = text.indexOf('.');
  if (dot < 0) return null;
  const decoder = decoders[text.slice(0, dot)];
  if (!decoder) return null;
  try {
    return await decoder(text.slice(dot + 1));
  } catch {
    return null;
  }
}
