// The playground page: source and lowered output side by side, linked suspension by suspension; run
// both in sandboxed workers and compare; watch the coroutines on a timeline; share by link.
import './style.css';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import type { Diagnostic, Suspension, TransformOptions } from '@yieldfrom/transformer';
import { createEditor, languageOf, monaco, rangeOf } from './editor';
import { examples } from './examples';
import type { PlaygroundOptions, RunMessage, TracedEvent, TransformRequest, TransformResponse } from './protocol';
import { decodeState, encodeState, type SharedState } from './share';
import { drawTimeline } from './timeline';
import TransformWorker from './transform.worker?worker';
import RunWorker from './run.worker?worker';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const RUN_BUDGET_MS = 10_000;
const STORAGE_KEY = 'yieldfrom-playground';

// ---- state -----------------------------------------------------------------------------------
const state = {
  filename: 'input.js',
  options: { helpers: 'import', promise: 'intrinsic', sourceType: 'module' } as PlaygroundOptions,
  pane: 'console',
  output: '',
  map: null as unknown,
  suspensions: [] as Suspension[],
  diagnostics: [] as Diagnostic[],
  trace: [] as TracedEvent[],
  console: [] as string[],
};

const initial = examples[0]!;
const source = createEditor($('source'), { value: initial.code, language: 'javascript' });
const output = createEditor($('output'), { value: '', language: 'javascript', readOnly: true });
let diffEditor: monaco.editor.IStandaloneDiffEditor | undefined;

// ---- lowering in a worker, stale answers dropped --------------------------------------------
const transformWorker = new TransformWorker();
let latestRequest = 0;
let pendingLowering: ((response: TransformResponse) => void)[] = [];

function transformOptions(overrides: Partial<TransformOptions> = {}): TransformOptions {
  return { helpers: state.options.helpers, promise: state.options.promise, sourceType: state.options.sourceType, ...overrides };
}

function requestLowering(): Promise<TransformResponse> {
  const request: TransformRequest = { id: ++latestRequest, code: source.getValue(), filename: state.filename, options: transformOptions() };
  transformWorker.postMessage(request);
  return new Promise((resolve) => pendingLowering.push(resolve));
}

transformWorker.onmessage = (event: MessageEvent<TransformResponse>) => {
  const response = event.data;
  if (response.id !== latestRequest) return; // a newer request is on its way
  applyLowering(response);
  const waiting = pendingLowering;
  pendingLowering = [];
  waiting.forEach((resolve) => resolve(response));
};

function applyLowering(response: TransformResponse) {
  state.diagnostics = response.diagnostics;
  if (response.ok) {
    state.output = response.code;
    state.map = response.map;
    state.suspensions = response.suspensions;
    output.setValue(response.code);
    $('status').textContent = `${response.suspensions.length} suspension point${response.suspensions.length === 1 ? '' : 's'}`;
  } else {
    $('status').textContent = 'cannot lower: see Diagnostics';
  }
  diffEditor?.setModel({ original: monaco.editor.createModel(source.getValue(), languageOf(state.filename)), modified: monaco.editor.createModel(state.output, languageOf(state.filename)) });
  showDiagnostics();
  decorateSuspensions();
  saveLocally();
}

let relowerTimer = 0;
source.onDidChangeModelContent(() => {
  clearTimeout(relowerTimer);
  relowerTimer = window.setTimeout(requestLowering, 120);
});

// ---- suspension bands and linking ----------------------------------------------------------
let sourceDecorations = source.createDecorationsCollection();
let outputDecorations = output.createDecorationsCollection();
let activeSuspension = -1;

function decorateSuspensions() {
  const sourceModel = source.getModel()!;
  const outputModel = output.getModel()!;
  const band = (i: number) => `band-${i % 6}${i === activeSuspension ? ' suspension-active' : ''}`;
  sourceDecorations.set(state.suspensions.map((s, i) => ({ range: rangeOf(sourceModel, s.source.start, s.source.end), options: { inlineClassName: band(i), hoverMessage: { value: `await #${i + 1} in ${s.functionName || 'anonymous'} → yield` } } })));
  outputDecorations.set(state.suspensions.map((s, i) => ({ range: rangeOf(outputModel, s.output.start, s.output.end), options: { inlineClassName: band(i), hoverMessage: { value: `yield #${i + 1} (from await in ${s.functionName || 'anonymous'})` } } })));
}

function selectSuspension(index: number, reveal = true) {
  activeSuspension = index;
  decorateSuspensions();
  const suspension = state.suspensions[index];
  if (!suspension || !reveal) return;
  source.revealRangeInCenterIfOutsideViewport(rangeOf(source.getModel()!, suspension.source.start, suspension.source.end));
  output.revealRangeInCenterIfOutsideViewport(rangeOf(output.getModel()!, suspension.output.start, suspension.output.end));
}

function suspensionAt(side: 'source' | 'output', offset: number): number {
  return state.suspensions.findIndex((s) => s[side].start <= offset && offset <= s[side].end);
}

for (const [editor, side] of [[source, 'source'], [output, 'output']] as const) {
  const link = (position: monaco.Position | null) => {
    if (!position) return;
    const index = suspensionAt(side, editor.getModel()!.getOffsetAt(position));
    if (index !== activeSuspension) selectSuspension(index, false);
  };
  editor.onDidChangeCursorPosition((e) => link(e.position));
  editor.onMouseMove((e) => link(e.target.position));
}

function jumpSuspension(direction: 1 | -1) {
  if (!state.suspensions.length) return;
  const offset = source.getModel()!.getOffsetAt(source.getPosition()!);
  const order = state.suspensions.map((s, i) => ({ i, start: s.source.start }));
  const next = direction === 1 ? order.find((s) => s.start > offset) ?? order[0]! : [...order].reverse().find((s) => s.start < offset) ?? order[order.length - 1]!;
  source.setPosition(source.getModel()!.getPositionAt(next.start));
  selectSuspension(next.i);
  source.focus();
}
source.addCommand(monaco.KeyMod.Alt | monaco.KeyCode.DownArrow, () => jumpSuspension(1));
source.addCommand(monaco.KeyMod.Alt | monaco.KeyCode.UpArrow, () => jumpSuspension(-1));

// ---- diagnostics ------------------------------------------------------------------------------
function showDiagnostics() {
  const model = source.getModel()!;
  monaco.editor.setModelMarkers(
    model,
    'yieldfrom',
    state.diagnostics.filter((d) => d.loc).map((d) => ({
      severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      message: `${d.code}: ${d.message}`,
      startLineNumber: d.loc!.line,
      startColumn: d.loc!.column + 1,
      endLineNumber: d.loc!.line,
      endColumn: d.loc!.column + 2,
    }))
  );
  const list = $('diagnostics');
  list.replaceChildren(
    ...state.diagnostics.map((d) => {
      const item = document.createElement('li');
      item.textContent = `${d.severity} ${d.code} ${d.loc ? `${d.filename}:${d.loc.line}:${d.loc.column + 1}` : d.filename}: ${d.message}${d.frame ? `\n${d.frame}` : ''}`;
      item.dataset.code = d.code;
      item.addEventListener('click', () => d.loc && source.setPosition({ lineNumber: d.loc.line, column: d.loc.column + 1 }));
      return item;
    })
  );
  $('diagnostic-count').textContent = state.diagnostics.length ? `(${state.diagnostics.length})` : '';
  if (state.diagnostics.some((d) => d.severity === 'error')) selectTab('diagnostics');
}

// ---- running -----------------------------------------------------------------------------------
let running: { workers: Worker[]; timer: number; resolve: () => void } | null = null;

/** Makes lowered code use the runtime loaded in the run worker (so its tracer sees every coroutine). */
function bindRuntime(code: string): string {
  return code
    .replace(/import \{([^}]*)\} from "@yieldfrom\/runtime";/, (_, names: string) => `const {${names.replace(/ as /g, ': ')}} = globalThis.__yieldfromRuntime;`)
    .replace(/require\("@yieldfrom\/runtime"\)/, 'globalThis.__yieldfromRuntime');
}

/** A runtime error's position in the lowered code, mapped back to the source through the map. */
function sourceLocation(stack: string | undefined): string {
  const match = stack && /blob:[^\s)]*:(\d+):(\d+)/.exec(stack);
  if (!match || !state.map) return '';
  const position = originalPositionFor(new TraceMap(state.map as never), { line: Number(match[1]), column: Number(match[2]) - 1 });
  return position.line ? ` (source line ${position.line}, column ${(position.column ?? 0) + 1})` : '';
}

function appendConsole(line: string, className = '') {
  state.console.push(line);
  const item = document.createElement('li');
  item.textContent = line;
  if (className) item.className = className;
  $('console').append(item);
}

function startWorker(code: string, mode: 'lowered' | 'native', onMessage: (message: RunMessage) => void): Promise<void> {
  const worker = new RunWorker();
  running!.workers.push(worker);
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<RunMessage>) => {
      onMessage(event.data);
      if (event.data.type === 'done') resolve();
    };
    worker.onerror = (event) => {
      onMessage({ type: 'done', error: { message: event.message } });
      resolve();
    };
    worker.postMessage({ code, mode });
  });
}

async function run(): Promise<{ console: string[]; error?: string }> {
  stop();
  const lowering = await requestLowering();
  state.console = [];
  state.trace = [];
  $('console').replaceChildren();
  $('verdict').textContent = '';
  $('verdict').className = '';
  selectTab('console');
  if (!lowering.ok) return { console: [], error: lowering.message };
  // Run with helpers imported (rebound to the worker's runtime), whatever the display options.
  const runnable = await lowerForRun();
  let error: string | undefined;
  const nativeLines: string[] = [];
  const canRunNatively = !/\.[cm]?tsx?$/.test(state.filename);
  $('run').setAttribute('disabled', '');
  $('stop').removeAttribute('disabled');
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  running = { workers: [], timer: 0, resolve: finish };
  running.timer = window.setTimeout(() => {
    appendConsole(`(stopped: the ${RUN_BUDGET_MS / 1000} s time budget ran out)`, 'error');
    stop();
  }, RUN_BUDGET_MS);
  const lowered = startWorker(bindRuntime(runnable), 'lowered', (message) => {
    if (message.type === 'console') appendConsole(message.line);
    else if (message.type === 'trace') state.trace.push(message.event);
    else if (message.error) {
      error = `${message.error.message}${sourceLocation(message.error.stack)}`;
      appendConsole(`Uncaught ${error}`, 'error');
    }
  });
  const native = canRunNatively
    ? startWorker(source.getValue(), 'native', (message) => {
        if (message.type === 'console') nativeLines.push(message.line);
        else if (message.type === 'done' && message.error) nativeLines.push(`Uncaught ${message.error.message}`);
      })
    : Promise.resolve();
  await Promise.race([Promise.all([lowered, native]), finished]);
  const stopped = !running;
  stop();
  const verdict = $('verdict');
  if (!canRunNatively) verdict.textContent = 'TypeScript input: only the lowered program ran (the browser cannot run TypeScript natively).';
  else if (stopped) verdict.textContent = 'Stopped.';
  else {
    const loweredLines = state.console.filter((line, i) => !(error && i === state.console.length - 1 && line.startsWith('Uncaught')));
    const same = JSON.stringify(loweredLines.concat(error ? [`Uncaught ${error.replace(/ \(source line.*$/, '')}`] : [])) === JSON.stringify(nativeLines);
    verdict.textContent = same ? '✓ Native and lowered printed the same, in the same order.' : `✗ Native printed differently: ${JSON.stringify(nativeLines)}`;
    verdict.className = same ? 'same' : 'different';
  }
  drawTimeline($<SVGSVGElement & HTMLElement>('timeline') as unknown as SVGSVGElement, state.trace, selectTraceEvent);
  return { console: [...state.console], ...(error ? { error } : {}) };
}

async function lowerForRun(): Promise<string> {
  const { transform } = await import('@yieldfrom/transformer');
  return transform(source.getValue(), { ...transformOptions({ helpers: 'import' }), filename: state.filename }).code;
}

function stop() {
  $('run').removeAttribute('disabled');
  $('stop').setAttribute('disabled', '');
  if (!running) return;
  clearTimeout(running.timer);
  running.workers.forEach((worker) => worker.terminate());
  const { resolve } = running;
  running = null;
  resolve();
}

function selectTraceEvent(event: TracedEvent) {
  const create = state.trace.find((e) => e.id === event.id && e.type === 'create') as { name?: string } | undefined;
  const name = (create?.name ?? '').replace(/^_/, '');
  const suspensionsOfFunction = state.suspensions.map((s, i) => ({ s, i })).filter(({ s }) => s.functionName === name || `_${s.functionName}` === create?.name);
  // The k-th suspension of this coroutine lands on one of its function's awaits, in source order.
  const k = state.trace.filter((e) => e.id === event.id && e.type === 'suspend' && e.order <= event.order).length - 1;
  const chosen = suspensionsOfFunction[Math.max(0, k) % Math.max(1, suspensionsOfFunction.length)];
  if (chosen) selectSuspension(chosen.i);
  document.querySelectorAll('#console li').forEach((li, i) => li.classList.toggle('selected', i === event.consoleLength - 1));
}

// ---- options, examples, sharing -----------------------------------------------------------
function readOptions() {
  state.options = {
    helpers: ($('opt-helpers') as HTMLSelectElement).value as PlaygroundOptions['helpers'],
    promise: ($('opt-promise') as HTMLSelectElement).value as PlaygroundOptions['promise'],
    sourceType: ($('opt-sourceType') as HTMLSelectElement).value as PlaygroundOptions['sourceType'],
  };
  state.filename = ($('filename') as HTMLInputElement).value || 'input.js';
  monaco.editor.setModelLanguage(source.getModel()!, languageOf(state.filename));
  monaco.editor.setModelLanguage(output.getModel()!, languageOf(state.filename));
  showConfig();
}

function writeOptions() {
  ($('opt-helpers') as HTMLSelectElement).value = state.options.helpers;
  ($('opt-promise') as HTMLSelectElement).value = state.options.promise;
  ($('opt-sourceType') as HTMLSelectElement).value = state.options.sourceType;
  ($('filename') as HTMLInputElement).value = state.filename;
  monaco.editor.setModelLanguage(source.getModel()!, languageOf(state.filename));
  showConfig();
}

function showConfig() {
  const options = Object.entries({ helpers: state.options.helpers, promise: state.options.promise }).filter(([k, v]) => (k === 'helpers' ? v !== 'import' : v !== 'intrinsic'));
  const args = options.length ? `{ ${options.map(([k, v]) => `${k}: '${v}'`).join(', ')} }` : '';
  $('config').textContent = `// vite.config.js (also '@yieldfrom/transformer/rollup', /webpack, /esbuild, /rspack)
import yieldfrom from '@yieldfrom/transformer/vite';
export default { plugins: [yieldfrom(${args})] };

// babel.config.json
{ "plugins": [${args ? `["@yieldfrom/transformer/babel", ${JSON.stringify(Object.fromEntries(options))}]` : '"@yieldfrom/transformer/babel"'}] }

// command line
npx yieldfrom src --out-dir lib${state.options.helpers === 'inline' ? ' --helpers inline' : ''}${state.options.promise === 'global' ? ' --promise global' : ''}

// API
transform(code, ${JSON.stringify({ filename: state.filename, sourceType: state.options.sourceType, ...Object.fromEntries(options) })})`;
}

for (const id of ['opt-helpers', 'opt-promise', 'opt-sourceType', 'filename']) {
  $(id).addEventListener('change', () => {
    readOptions();
    void requestLowering();
  });
}

const exampleSelect = $('examples') as HTMLSelectElement;
exampleSelect.append(...examples.map((e) => new Option(e.title, e.id)));
exampleSelect.addEventListener('change', () => loadExample(exampleSelect.value));

function showTwins(id: string) {
  const example = examples.find((e) => e.id === id);
  $('twins').replaceChildren(
    ...(example?.twins ?? []).map((twin) => {
      const box = document.createElement('div');
      const title = document.createElement('h3');
      title.textContent = twin.title;
      const pre = document.createElement('pre');
      pre.textContent = twin.code;
      box.append(title, pre);
      return box;
    })
  );
}

function loadExample(id: string) {
  const example = examples.find((e) => e.id === id) ?? examples[0]!;
  exampleSelect.value = example.id;
  state.filename = example.filename;
  writeOptions();
  source.setValue(example.code);
  showTwins(example.id);
  void requestLowering();
}

function currentState(): SharedState {
  return { code: source.getValue(), filename: state.filename, options: state.options, pane: state.pane };
}

async function shareLink(): Promise<string> {
  const hash = await encodeState(currentState());
  const link = `${location.origin}${location.pathname}#${hash}`;
  history.replaceState(null, '', `#${hash}`);
  $('link-length').textContent = `${link.length} chars`;
  return link;
}

$('share').addEventListener('click', async () => {
  const link = await shareLink();
  await navigator.clipboard?.writeText(link).catch(() => {});
  $('share').textContent = 'Copied';
  setTimeout(() => ($('share').textContent = 'Share'), 1200);
});

function saveLocally() {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(currentState()));
  } catch {
    // Storage may be unavailable (private mode): autosave is a convenience only.
  }
}

async function restore() {
  const fromLink = await decodeState(location.hash);
  let saved: SharedState | null = fromLink;
  if (!saved) {
    try {
      saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    } catch {
      saved = null;
    }
  }
  if (saved) {
    state.filename = saved.filename;
    state.options = saved.options;
    writeOptions();
    source.setValue(saved.code);
    selectTab(saved.pane || 'console');
  } else {
    loadExample(examples[0]!.id);
  }
}

// ---- tabs, diff, theme, shortcuts, narrow layout ------------------------------------------
let compareLoaded = false;
function selectTab(name: string) {
  state.pane = name;
  document.querySelectorAll<HTMLElement>('[role=tab]').forEach((tab) => tab.setAttribute('aria-selected', String(tab.dataset.tab === name)));
  document.querySelectorAll<HTMLElement>('.tab').forEach((tab) => (tab.hidden = tab.id !== `tab-${name}`));
  if (name === 'compare') void refreshCompare();
  if (name === 'timeline') drawTimeline($('timeline') as unknown as SVGSVGElement, state.trace, selectTraceEvent);
}
document.querySelectorAll<HTMLElement>('[role=tab]').forEach((tab) => tab.addEventListener('click', () => selectTab(tab.dataset.tab!)));

async function refreshCompare() {
  if (!compareLoaded) $('compare-ts').textContent = 'Loading TypeScript and Babel…';
  const { compareLowerings } = await import('./compare');
  compareLoaded = true;
  const result = await compareLowerings(source.getValue(), state.filename);
  $('compare-ts').textContent = result.typescript;
  $('compare-babel').textContent = result.babel;
}

$('diff').addEventListener('click', () => {
  const on = $('diff').getAttribute('aria-pressed') !== 'true';
  $('diff').setAttribute('aria-pressed', String(on));
  $('output').hidden = on;
  $('diff-editor').hidden = !on;
  if (on && !diffEditor) {
    diffEditor = monaco.editor.createDiffEditor($('diff-editor'), { automaticLayout: true, readOnly: true, renderSideBySide: true, minimap: { enabled: false } });
  }
  diffEditor?.setModel({ original: monaco.editor.createModel(source.getValue(), languageOf(state.filename)), modified: monaco.editor.createModel(state.output, languageOf(state.filename)) });
});

const themeSelect = $('theme') as HTMLSelectElement;
const media = matchMedia('(prefers-color-scheme: dark)');
function applyTheme() {
  const dark = themeSelect.value === 'dark' || (themeSelect.value === 'system' && media.matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  localStorage.setItem(`${STORAGE_KEY}-theme`, themeSelect.value);
}
themeSelect.value = localStorage.getItem(`${STORAGE_KEY}-theme`) ?? 'system';
themeSelect.addEventListener('change', applyTheme);
media.addEventListener('change', applyTheme);
applyTheme();

$('run').addEventListener('click', () => void run());
$('stop').addEventListener('click', stop);
$('help').addEventListener('click', () => ($('shortcuts') as HTMLDialogElement).showModal());
document.querySelectorAll<HTMLElement>('#narrow-tabs button').forEach((b) => b.addEventListener('click', () => (document.body.dataset.show = b.dataset.show)));
document.body.dataset.show = 'source';
window.addEventListener('keydown', (event) => {
  const mod = event.ctrlKey || event.metaKey;
  if (mod && event.key === 'Enter') {
    event.preventDefault();
    void run();
  } else if (event.key === 'Escape' && running) stop();
  else if (mod && event.shiftKey && event.key.toLowerCase() === 's') {
    event.preventDefault();
    $('share').click();
  } else if (event.key === '?' && !(event.target as HTMLElement).closest('.monaco-editor, input')) {
    ($('shortcuts') as HTMLDialogElement).showModal();
  }
});

// ---- the embedding API -----------------------------------------------------------------------
declare global {
  interface Window {
    playground: {
      setSource(code: string, options?: { filename?: string }): Promise<string>;
      getSource(): string;
      getOutput(): string;
      setOptions(options: Partial<PlaygroundOptions>): Promise<string>;
      run(): Promise<{ console: string[]; error?: string }>;
      stop(): void;
      getTrace(): TracedEvent[];
      getSuspensions(): Suspension[];
      getDiagnostics(): Diagnostic[];
      shareLink(): Promise<string>;
      loadExample(id: string): Promise<string>;
      selectSuspension(index: number): void;
    };
  }
}

const lowered = async () => {
  await requestLowering();
  return state.output;
};
window.playground = {
  async setSource(code, options = {}) {
    if (options.filename) {
      state.filename = options.filename;
      writeOptions();
    }
    source.setValue(code);
    clearTimeout(relowerTimer);
    return lowered();
  },
  getSource: () => source.getValue(),
  getOutput: () => state.output,
  async setOptions(options) {
    state.options = { ...state.options, ...options };
    writeOptions();
    return lowered();
  },
  run,
  stop,
  getTrace: () => [...state.trace],
  getSuspensions: () => [...state.suspensions],
  getDiagnostics: () => [...state.diagnostics],
  shareLink,
  async loadExample(id) {
    loadExample(id);
    return lowered();
  },
  selectSuspension: (index) => selectSuspension(index),
};

void restore().then(requestLowering);
