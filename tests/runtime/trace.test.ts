// The tracing hooks report each coroutine's life, and cost nothing when no tracer is installed.
import { afterEach, describe, expect, it } from 'vitest';
import { setTracer, spawn, type TraceEvent } from '@yieldfrom/runtime';

afterEach(() => setTracer(undefined));

describe('setTracer', () => {
  it('reports create, resume, suspend and settle in order', async () => {
    const events: TraceEvent[] = [];
    setTracer((event) => events.push(event));
    function* body(this: unknown, x: number) {
      const y: number = yield x;
      return y + 1;
    }
    const result = await spawn(body as never, undefined, [41]);
    expect(result).toBe(42);
    const id = events[0]!.id;
    expect(events.map((e) => e.type)).toEqual(['create', 'resume', 'suspend', 'resume', 'settle']);
    expect(events[0]).toEqual({ type: 'create', id, name: 'body' });
    expect(events[2]).toEqual({ type: 'suspend', id, value: 41 });
    expect(events[4]).toEqual({ type: 'settle', id, value: 42, threw: false });
  });

  it('reports a rejection as a settle that threw, with a fresh id per coroutine', async () => {
    const events: TraceEvent[] = [];
    setTracer((event) => events.push(event));
    function* failing() {
      yield 1;
      throw new Error('no');
    }
    await expect(spawn(failing as never, undefined, [])).rejects.toThrow('no');
    await spawn(failing as never, undefined, []).catch(() => {});
    const ids = new Set(events.map((e) => e.id));
    expect(ids.size).toBe(2);
    expect(events.filter((e) => e.type === 'settle').every((e) => (e as { threw: boolean }).threw)).toBe(true);
  });

  it('returns the previous tracer so callers can restore it', () => {
    const first = () => {};
    expect(setTracer(first)).toBeUndefined();
    expect(setTracer(undefined)).toBe(first);
  });
});
