// Runs a prepared program pair: the lowered program and the original, each in its own fresh worker,
// at the same time. Stop (or the time budget) terminates both. Resolves when both are done.
import type { ConsoleLine, RunMessage, RunnablePair, ThrownError, TracedEvent } from './protocol';
import RunWorker from './run.worker?worker';

export const runBudgetMs = 10_000;

export interface ProgramRun {
  /** Console lines and uncaught errors, in the order they happened. */
  entries: ({ kind: 'console'; line: ConsoleLine } | { kind: 'uncaught'; error: ThrownError })[];
  finished: boolean;
}

export interface RunOutcome {
  lowered: ProgramRun;
  native: ProgramRun;
  trace: TracedEvent[];
  /** Why the run ended early, if it did. */
  ended?: 'stopped' | 'out of time';
}

export interface RunListener {
  onLoweredEntry(entry: ProgramRun['entries'][number]): void;
  onTrace(event: TracedEvent): void;
}

interface Session {
  workers: Worker[];
  end: (reason: 'stopped' | 'out of time') => void;
}

export class Runner {
  private session: Session | null = null;

  get isRunning(): boolean {
    return this.session !== null;
  }

  async run(pair: RunnablePair, listener: RunListener, { budgetMs = runBudgetMs } = {}): Promise<RunOutcome> {
    this.stop();
    const outcome: RunOutcome = { lowered: { entries: [], finished: false }, native: { entries: [], finished: false }, trace: [] };
    let end!: Session['end'];
    const ended = new Promise<'stopped' | 'out of time'>((resolve) => (end = resolve));
    const session: Session = { workers: [], end };
    this.session = session;
    const timer = setTimeout(() => end('out of time'), budgetMs);
    const lowered = start(session, pair.lowered, 'lowered', pair.isModule, outcome.lowered, (message) => {
      if (message.type === 'trace') {
        outcome.trace.push(message.event);
        listener.onTrace(message.event);
      } else if (message.type !== 'done') {
        const entry = message.type === 'console' ? ({ kind: 'console', line: message.line } as const) : ({ kind: 'uncaught', error: message.error } as const);
        outcome.lowered.entries.push(entry);
        listener.onLoweredEntry(entry);
      }
    });
    const native = start(session, pair.native, 'native', pair.isModule, outcome.native, (message) => {
      if (message.type === 'console') outcome.native.entries.push({ kind: 'console', line: message.line });
      else if (message.type === 'uncaught') outcome.native.entries.push({ kind: 'uncaught', error: message.error });
    });
    const reason = await Promise.race([Promise.all([lowered, native]).then(() => undefined), ended]);
    clearTimeout(timer);
    session.workers.forEach((worker) => worker.terminate());
    if (this.session === session) this.session = null;
    return reason ? { ...outcome, ended: reason } : outcome;
  }

  /** Ends the current run at once (its workers are terminated, whatever they are doing). */
  stop() {
    const session = this.session;
    if (!session) return;
    this.session = null;
    session.workers.forEach((worker) => worker.terminate());
    session.end('stopped');
  }
}

function start(session: Session, code: string, mode: 'lowered' | 'native', isModule: boolean, run: ProgramRun, onMessage: (message: RunMessage) => void): Promise<void> {
  const worker = new RunWorker({ name: `yieldfrom ${mode} run` });
  session.workers.push(worker);
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<RunMessage>) => {
      if (event.data.type !== 'done') return onMessage(event.data);
      run.finished = true;
      resolve();
    };
    worker.onerror = (event) => {
      event.preventDefault();
      onMessage({ type: 'uncaught', error: { message: event.message, inPromise: false } });
      run.finished = true;
      resolve();
    };
    worker.postMessage({ code, mode, isModule });
  });
}

/** The lines a program printed, uncaught errors included, as compared between the two runs. */
export function printedLines(run: ProgramRun): string[] {
  return run.entries.map((entry) => (entry.kind === 'console' ? entry.line.text : `Uncaught ${entry.error.inPromise ? '(in promise) ' : ''}${entry.error.message}`));
}
