// The messages between the page and its workers, typed once for both sides.
import type { Diagnostic, Suspension, TransformOptions } from '@yieldfrom/transformer';
import type { TraceEvent } from '@yieldfrom/runtime';

export interface PlaygroundOptions {
  helpers: 'import' | 'inline';
  promise: 'intrinsic' | 'global';
  sourceType: 'module' | 'script';
}

export interface TransformRequest {
  id: number;
  code: string;
  filename: string;
  options: TransformOptions;
}

export type TransformResponse =
  | { id: number; ok: true; code: string; map: unknown; suspensions: Suspension[]; diagnostics: Diagnostic[] }
  | { id: number; ok: false; diagnostics: Diagnostic[]; message: string };

export interface RunRequest {
  code: string;
  /** Lowered code runs with the runtime and a tracer; native code runs as written. */
  mode: 'lowered' | 'native';
}

export type RunMessage =
  | { type: 'console'; line: string }
  | { type: 'trace'; event: TracedEvent }
  | { type: 'done'; error?: { message: string; stack?: string } };

/** A runtime trace event with the microtask tick it happened on and the console length then. */
export type TracedEvent = TraceEvent & { tick: number; order: number; consoleLength: number };
