// The whole state in the URL hash: JSON, compressed with deflate-raw (CompressionStream), base64url,
// behind a version prefix so links made today keep opening when the format changes.
import type { PlaygroundOptions } from './protocol';

export interface SharedState {
  code: string;
  filename: string;
  options: PlaygroundOptions;
  pane: string;
}

const VERSION = 'v1';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const response = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await response.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function encodeState(state: SharedState): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  return `${VERSION}.${toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')))}`;
}

/** Reads a hash made by any version so far; null when it is not a playground link. */
export async function decodeState(hash: string): Promise<SharedState | null> {
  const text = hash.replace(/^#/, '');
  const [version, data] = text.split('.', 2);
  if (version !== VERSION || !data) return null;
  try {
    const json = new TextDecoder().decode(await pipe(fromBase64Url(data), new DecompressionStream('deflate-raw')));
    return JSON.parse(json) as SharedState;
  } catch {
    return null;
  }
}
