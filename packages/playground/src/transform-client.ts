// The page's side of the transform worker. Display lowerings are coalesced: at most one is in the
// worker at a time, and while it runs only the newest source waits to be sent, so typing never
// queues up stale work; everyone who asked meanwhile gets the newest answer.
import type { Comparison, Lowering, RunnablePair, SourceInput, TransformRequest, TransformResponse } from './protocol';
import TransformWorker from './transform.worker?worker';

type Waiter = (response: TransformResponse) => void;

export class TransformClient {
  private readonly worker = new TransformWorker();
  private lastId = 0;
  private readonly waiting = new Map<number, Waiter>();
  private inFlight: { id: number; resolvers: ((lowering: Lowering) => void)[] } | null = null;
  private queued: { input: SourceInput; resolvers: ((lowering: Lowering) => void)[] } | null = null;

  constructor(private readonly onLowered: (lowering: Lowering, input: SourceInput) => void) {
    this.worker.onmessage = (event: MessageEvent<TransformResponse>) => {
      const waiter = this.waiting.get(event.data.id);
      this.waiting.delete(event.data.id);
      waiter?.(event.data);
    };
  }

  /** Lowers for display; resolves once the newest source known by then is lowered and shown. */
  lower(input: SourceInput): Promise<Lowering> {
    return new Promise((resolve) => {
      if (this.inFlight) {
        this.queued = { input, resolvers: [...(this.queued?.resolvers ?? []), resolve] };
        return;
      }
      this.sendLowering(input, [resolve]);
    });
  }

  prepareRun(input: SourceInput): Promise<{ lowering: Lowering; runnable?: RunnablePair; error?: string }> {
    return this.request({ kind: 'prepare-run', ...input }).then((response) => response as Extract<TransformResponse, { kind: 'prepare-run' }>);
  }

  compare(input: SourceInput): Promise<Comparison> {
    return this.request({ kind: 'compare', ...input }).then((response) => (response as Extract<TransformResponse, { kind: 'compare' }>).comparison);
  }

  private sendLowering(input: SourceInput, resolvers: ((lowering: Lowering) => void)[]) {
    const id = ++this.lastId;
    this.inFlight = { id, resolvers };
    this.waiting.set(id, (response) => {
      const lowering = (response as Extract<TransformResponse, { kind: 'lower' }>).lowering;
      const answered = this.inFlight!.resolvers;
      this.inFlight = null;
      const next = this.queued;
      this.queued = null;
      if (next) {
        // This answer is stale: its callers wait for the newer one instead.
        this.sendLowering(next.input, [...answered, ...next.resolvers]);
        return;
      }
      this.onLowered(lowering, input);
      answered.forEach((resolve) => resolve(lowering));
    });
    this.worker.postMessage({ id, kind: 'lower', ...input } satisfies TransformRequest);
  }

  private request(request: Omit<Extract<TransformRequest, { kind: 'prepare-run' | 'compare' }>, 'id'>): Promise<TransformResponse> {
    const id = ++this.lastId;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ ...request, id } as TransformRequest);
    });
  }
}
