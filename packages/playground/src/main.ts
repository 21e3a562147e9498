// The playground page: source and lowered output side by side, linked await by await; runs of both
// programs in sandboxed workers, compared line by line; the coroutines on a timeline; the whole state
// in the URL. Lowering happens in transform.worker.ts, running in run.worker.ts.
import './style.css';
import type { Diagnostic, SourceMap, Suspension } from '@yieldfrom/transformer';
import { buildConfig } from './build-config';
import { createEditor, languageOf, monaco, tokenRangeAt } from './editor';
import { defaultExample, examples, type Example } from './examples/index';
import { Linker } from './linking';
import { locateInSource } from './locate';
import { defaultOptions, type Lowering, type PlaygroundOptions, type SourceInput, type ThrownError, type TracedEvent } from './protocol';
import { Runner, printedLines, runBudgetMs, type ProgramRun, type RunOutcome } from './runner';
import { decodeState, encodeState, type SharedState } from './share';
import { describeEvent, drawTimeline, maxDrawnEvents } from './timeline';
import { TransformClient } from './transform-client';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const storageKey = 'yieldfrom-playground';
const panes = ['console', 'timeline', 'diagnostics', 'compare', 'config'] as const;
type Pane = (typeof panes)[number];
const longLink = 8000;

/** What run() resolves to (also through window.playground). */
export interface RunResult {
  /** The lowered program's console lines, in order. */
  console: string[];
  /** The first uncaught error, with its source position when the map knows it. */
  error?: string;
  /** The original program's lines (uncaught errors included), and whether both printed the same. */
  native: string[];
  same: boolean;
  ended?: 'stopped' | 'out of time';
}

const state = {
  filename: defaultExample.filename,
  options: { ...defaultOptions } as PlaygroundOptions,
  pane: 'console' as Pane,
  diff: false,
  example: defaultExample.id as string | null,
  lowering: null as Lowering | null,
  output: '',
  runMaps: [] as SourceMap[],
  trace: [] as TracedEvent[],
  selectedEvent: -1,
};

// ---- editors ------------------------------------------------------------------------------------
const source = createEditor($('source'), { value: '', language: 'javascript', ariaLabel: 'Source code' });
const output = createEditor($('output'), { value: '', language: 'javascript', readOnly: true, ariaLabel: 'Lowered output' });
const linker = new Linker(source, output);
let diffEditor: monaco.editor.IStandaloneDiffEditor | undefined;
const diffModels = { original: monaco.editor.createModel('', 'javascript'), modified: monaco.editor.createModel('', 'javascript') };

function input(): SourceInput {
  return { code: source.getValue(), filename: state.filename, options: { ...state.options } };
}

// ---- lowering as the user types ---------------------------------------------------------------------
const client = new TransformClient(showLowering);
let relowerTimer = 0;

function relower(): Promise<Lowering> {
  clearTimeout(relowerTimer);
  return client.lower(input());
}

source.onDidChangeModelContent(() => {
  clearTimeout(relowerTimer);
  relowerTimer = window.setTimeout(relower, 40);
  if (state.example && source.getValue() !== examples.find((e) => e.id === state.example)?.code) markExampleEdited();
  scheduleSave();
});

function showLowering(lowering: Lowering, lowered: SourceInput) {
  // A lowering of text the user has since changed would put bands in the wrong places; a newer one
  // is on its way.
  if (lowered.code !== source.getValue() || lowered.filename !== state.filename) return;
  state.lowering = lowering;
  const status = $('status');
  if (lowering.ok) {
    state.output = lowering.code;
    const view = output.saveViewState();
    output.setValue(lowering.code);
    if (view) output.restoreViewState(view);
    linker.show(lowering.suspensions, lowering.map);
    const count = lowering.suspensions.length;
    status.textContent = count ? `${count} await${count === 1 ? '' : 's'} → ${count} yield${count === 1 ? '' : 's'}` : 'no await to lower';
    status.title = `Suspension points: each await and the yield it became share a colour. Lowered in ${lowering.elapsedMs.toFixed(1)} ms.`;
    status.className = '';
  } else {
    linker.show([], null);
    const first = lowering.diagnostics[0];
    status.textContent = first ? `${first.code}${first.loc ? ` at ${first.loc.line}:${first.loc.column + 1}` : ''}: ${first.message}` : lowering.message;
    status.className = 'error';
    status.title = status.textContent;
  }
  diffModels.original.setValue(source.getValue());
  diffModels.modified.setValue(state.output);
  showDiagnostics(lowering.diagnostics);
  if (state.pane === 'compare') scheduleCompare();
  scheduleSave();
}

// ---- diagnostics: editor markers and a list with codes ------------------------------------------
function showDiagnostics(diagnostics: Diagnostic[]) {
  const model = source.getModel()!;
  monaco.editor.setModelMarkers(
    model,
    'yieldfrom',
    diagnostics
      .filter((d) => d.loc)
      .map((d) => {
        const range = tokenRangeAt(model, d.loc!.line, d.loc!.column + 1) ?? new monaco.Range(d.loc!.line, d.loc!.column + 1, d.loc!.line, d.loc!.column + 2);
        return { ...range, severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning, message: d.message, code: d.code, source: 'yieldfrom' };
      })
  );
  $('diagnostics').replaceChildren(
    ...diagnostics.map((d) => {
      const item = document.createElement('li');
      item.className = d.severity;
      item.dataset.code = d.code;
      const code = document.createElement('span');
      code.className = 'code';
      code.textContent = d.code;
      item.append(code, `${d.severity}: ${d.message}${d.loc ? ` (${d.filename}:${d.loc.line}:${d.loc.column + 1})` : ''}`);
      if (d.frame) {
        const frame = document.createElement('pre');
        frame.textContent = d.frame;
        item.append(frame);
      }
      if (d.loc) item.addEventListener('click', () => goToSource(d.loc!.line, d.loc!.column + 1));
      return item;
    })
  );
  $('no-diagnostics').hidden = diagnostics.length > 0;
  $('diagnostic-count').textContent = diagnostics.length ? String(diagnostics.length) : '';
}

function goToSource(line: number, column: number) {
  showNarrow('source');
  source.setPosition({ lineNumber: line, column });
  source.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column });
  source.focus();
}

// ---- running ------------------------------------------------------------------------------------
const runner = new Runner();
let runGeneration = 0;

function setRunning(running: boolean) {
  $<HTMLButtonElement>('run').disabled = running;
  $<HTMLButtonElement>('stop').disabled = !running;
}

function describeError(error: ThrownError): { text: string; at?: { line: number; column: number } } {
  const at = error.position && state.runMaps.length ? (locateInSource(state.runMaps, error.position) ?? undefined) : undefined;
  return { text: `Uncaught ${error.inPromise ? '(in promise) ' : ''}${error.message}`, ...(at ? { at } : {}) };
}

function appendEntry(entry: ProgramRun['entries'][number]) {
  const list = $('console');
  list.querySelector('.placeholder')?.remove();
  const item = document.createElement('li');
  if (entry.kind === 'console') {
    item.className = entry.line.level;
    item.textContent = entry.line.text;
    const mirror = document.createElement('li');
    mirror.textContent = entry.line.text;
    $('timeline-console').append(mirror);
    const lineNumber = list.querySelectorAll('li:not(.note):not(.uncaught)').length + 1;
    for (const line of [item, mirror]) {
      line.title = 'Show the coroutine event just before this line was printed';
      line.addEventListener('click', () => selectEventBeforeLine(lineNumber));
    }
  } else {
    const { text, at } = describeError(entry.error);
    item.className = 'uncaught';
    item.textContent = text;
    if (at) {
      const link = document.createElement('a');
      link.textContent = `${state.filename}:${at.line}:${at.column}`;
      link.title = 'Show where it was thrown in the source (mapped through the source map)';
      link.addEventListener('click', () => goToSource(at.line, at.column));
      item.append(link);
    }
  }
  list.append(item);
  item.scrollIntoView({ block: 'nearest' });
}

function note(text: string) {
  const item = document.createElement('li');
  item.className = 'note';
  item.textContent = text;
  $('console').append(item);
}

function setVerdict(text: string, kind: 'same' | 'different' | 'neutral') {
  const verdict = $('verdict');
  verdict.textContent = text;
  verdict.className = kind;
}

async function run({ budgetMs = runBudgetMs }: { budgetMs?: number } = {}): Promise<RunResult> {
  const generation = ++runGeneration;
  runner.stop();
  setRunning(true);
  selectPane(state.pane === 'timeline' ? 'timeline' : 'console');
  showNarrow('panel');
  state.trace = [];
  state.selectedEvent = -1;
  $('console').replaceChildren();
  $('timeline-console').replaceChildren();
  $('native-diff').hidden = true;
  setVerdict('Running…', 'neutral');
  const prepared = await client.prepareRun(input());
  if (generation !== runGeneration) return { console: [], native: [], same: false, ended: 'stopped' };
  if (!prepared.lowering.ok || !prepared.runnable) {
    setRunning(false);
    const message = prepared.lowering.ok ? prepared.error! : prepared.lowering.message;
    setVerdict(prepared.lowering.ok ? 'Cannot run this program.' : 'Cannot run: the source does not lower (see Diagnostics).', 'different');
    note(message);
    return { console: [], error: message, native: [], same: false };
  }
  state.runMaps = prepared.runnable.maps;
  let redrawTimer = 0;
  const outcome = await runner.run(
    prepared.runnable,
    {
      onLoweredEntry: appendEntry,
      onTrace: (event) => {
        state.trace.push(event);
        if (state.pane === 'timeline' && !redrawTimer) redrawTimer = window.setTimeout(() => ((redrawTimer = 0), redrawTimeline()), 150);
      },
    },
    { budgetMs }
  );
  clearTimeout(redrawTimer);
  if (generation === runGeneration) setRunning(false);
  redrawTimeline();
  return reportOutcome(outcome, { compiled: /\.([cm]?tsx?|jsx)$/.test(state.filename), budgetMs });
}

function reportOutcome(outcome: RunOutcome, { compiled, budgetMs }: { compiled: boolean; budgetMs: number }): RunResult {
  const lowered = printedLines(outcome.lowered);
  const native = printedLines(outcome.native);
  const firstError = outcome.lowered.entries.find((entry) => entry.kind === 'uncaught');
  let error: string | undefined;
  if (firstError?.kind === 'uncaught') {
    const { text, at } = describeError(firstError.error);
    error = `${text.replace(/^Uncaught (\(in promise\) )?/, '')}${at ? ` (${state.filename}:${at.line}:${at.column})` : ''}`;
  }
  const same = !outcome.ended && JSON.stringify(lowered) === JSON.stringify(native);
  const original = compiled ? 'the original (compiled to JavaScript by TypeScript, async kept)' : 'the original';
  if (outcome.ended === 'stopped') {
    note('Stopped.');
    setVerdict('■ Stopped: both programs were terminated.', 'neutral');
  } else if (outcome.ended === 'out of time') {
    note(`Stopped: the ${budgetMs / 1000} s time budget ran out.`);
    setVerdict(`Stopped after ${budgetMs / 1000} s (the time budget): both programs were terminated.`, 'neutral');
  } else if (same) {
    setVerdict(`✓ The lowered program printed the same ${lowered.length} line${lowered.length === 1 ? '' : 's'} as ${original}, in the same order.`, 'same');
  } else {
    setVerdict(`✗ The lowered program and ${original} printed differently:`, 'different');
    showNativeDiff(lowered, native);
  }
  if (!lowered.length && !outcome.ended) note('(nothing printed)');
  return { console: outcome.lowered.entries.flatMap((entry) => (entry.kind === 'console' ? [entry.line.text] : [])), ...(error ? { error } : {}), native, same, ...(outcome.ended ? { ended: outcome.ended } : {}) };
}

function showNativeDiff(lowered: string[], native: string[]) {
  const column = (title: string, lines: string[], other: string[]) => {
    const box = document.createElement('div');
    const heading = document.createElement('h3');
    heading.textContent = title;
    const list = document.createElement('ol');
    lines.forEach((line, i) => {
      const item = document.createElement('li');
      item.textContent = line;
      if (line !== other[i]) item.className = 'differs';
      list.append(item);
    });
    box.append(heading, list);
    return box;
  };
  // A difference is not always the lowering's: the native side is this browser's engine, and some
  // things no lowering can reproduce. Say which, so a reader can tell a bug from a known case.
  const hint = document.createElement('p');
  hint.className = 'diff-hint';
  hint.textContent =
    'A difference is a bug in the lowering (Copy link and report it), or one of the known cases in docs/semantics.md: ' +
    'what no lowering can reproduce (Function.prototype.toString, "at async" stack frames, the wording of the runtime\'s own TypeErrors), ' +
    'and the corners where this browser\'s engine departs from the specification.';
  const diff = $('native-diff');
  diff.replaceChildren(column('Lowered', lowered, native), column('Native', native, lowered), hint);
  diff.hidden = false;
}

function stop() {
  const wasPreparing = $<HTMLButtonElement>('stop').disabled === false && !runner.isRunning;
  runGeneration++;
  runner.stop(); // a run under way reports "Stopped" itself when its workers end
  setRunning(false);
  if (wasPreparing) {
    note('Stopped.');
    setVerdict('■ Stopped before the programs started.', 'neutral');
  }
}

// ---- the timeline -------------------------------------------------------------------------------
function coroutineName(name: string): string {
  // The generator the transformer made is named after the function with a leading underscore.
  const plain = name.replace(/^_+/, '');
  return plain || '(anonymous)';
}

function redrawTimeline() {
  $('timeline-hint').hidden = state.trace.length > 0;
  drawTimeline($('timeline') as unknown as SVGSVGElement, state.trace, { nameOf: (event) => coroutineName(event.name), onSelect: selectTraceEvent, selectedOrder: state.selectedEvent });
  if (state.trace.length > maxDrawnEvents) $('timeline-detail').textContent = `Showing the first ${maxDrawnEvents} of ${state.trace.length} events.`;
}

/** The last coroutine event before console line `lineNumber` (1-based): usually the resumption that printed it. */
function selectEventBeforeLine(lineNumber: number) {
  const before = state.trace.filter((event) => event.consoleLength < lineNumber);
  const event = before[before.length - 1];
  if (event) selectTraceEvent(event);
}

function selectTraceEvent(event: TracedEvent) {
  state.selectedEvent = event.order;
  document.querySelectorAll('#timeline .event').forEach((node) => node.classList.toggle('selected', (node as SVGElement).dataset.order === String(event.order)));
  const suspension: Suspension | undefined = linker.suspensions[event.suspension];
  if (suspension) linker.select(event.suspension);
  for (const list of [$('console'), $('timeline-console')]) {
    const lines = [...list.querySelectorAll('li:not(.note):not(.placeholder):not(.uncaught)')];
    lines.forEach((line, i) => line.classList.toggle('selected', i === event.consoleLength - 1));
    lines[event.consoleLength - 1]?.scrollIntoView({ block: 'nearest' });
  }
  const create = state.trace.find((e) => e.id === event.id && e.type === 'create') as Extract<TracedEvent, { type: 'create' }> | undefined;
  const where = suspension ? ` at \`${source.getModel()!.getValue().slice(suspension.source.start, suspension.source.end).split('\n')[0]}\` (line ${suspension.source.line}) ↔ yield on output line ${suspension.output.line}` : '';
  const printed = event.consoleLength ? `; console line ${event.consoleLength} was the last printed before it` : '';
  $('timeline-detail').textContent = `#${event.id} ${create ? coroutineName(create.name) : ''} ${describeEvent(event)}${where} — microtask tick ${event.tick}${event.turn ? `, timer turn ${event.turn}` : ''}${printed}.`;
}

// ---- panes: console, timeline, diagnostics, compare, build config ---------------------------------
function selectPane(name: string) {
  const pane = (panes as readonly string[]).includes(name) ? (name as Pane) : 'console';
  state.pane = pane;
  document.querySelectorAll<HTMLElement>('[role=tab]').forEach((tab) => tab.setAttribute('aria-selected', String(tab.dataset.tab === pane)));
  document.querySelectorAll<HTMLElement>('.tab').forEach((tab) => (tab.hidden = tab.id !== `tab-${pane}`));
  if (pane === 'compare') void refreshCompare();
  if (pane === 'timeline') redrawTimeline();
  if (pane === 'config') $('config').textContent = buildConfig(state.options, state.filename);
  scheduleSave();
}
document.querySelectorAll<HTMLElement>('[role=tab]').forEach((tab) => tab.addEventListener('click', () => selectPane(tab.dataset.tab!)));

let compareTimer = 0;
function scheduleCompare() {
  clearTimeout(compareTimer);
  compareTimer = window.setTimeout(() => void refreshCompare(), 400);
}

async function colorize(element: HTMLElement, code: string, sizeId: string) {
  element.innerHTML = await monaco.editor.colorize(code, 'javascript', { tabSize: 2 });
  $(sizeId).textContent = `${code.split('\n').length} lines, ${new Blob([code]).size.toLocaleString('en-US')} bytes`;
}

async function refreshCompare() {
  const loading = !$('compare-ts').textContent;
  if (loading) $('compare-ts').textContent = $('compare-babel').textContent = 'Loading the compiler…';
  const current = input();
  const comparison = await client.compare(current);
  if (current.code !== source.getValue()) return;
  await Promise.all([
    colorize($('compare-yieldfrom'), state.output, 'compare-size-yieldfrom'),
    colorize($('compare-ts'), comparison.typescript, 'compare-size-ts'),
    colorize($('compare-babel'), comparison.babel, 'compare-size-babel'),
  ]);
}

// ---- options, file name, examples ---------------------------------------------------------------
const optionSelects = {
  helpers: $<HTMLSelectElement>('opt-helpers'),
  promise: $<HTMLSelectElement>('opt-promise'),
  sourceType: $<HTMLSelectElement>('opt-sourceType'),
  asyncFunctionPrototype: $<HTMLSelectElement>('opt-asyncFunctionPrototype'),
};

function showOptions() {
  for (const key of Object.keys(optionSelects) as (keyof PlaygroundOptions)[]) optionSelects[key].value = String(state.options[key]);
  $<HTMLInputElement>('filename').value = state.filename;
  const language = languageOf(state.filename);
  monaco.editor.setModelLanguage(source.getModel()!, language);
  monaco.editor.setModelLanguage(output.getModel()!, language);
  monaco.editor.setModelLanguage(diffModels.original, language);
  monaco.editor.setModelLanguage(diffModels.modified, language);
  if (state.pane === 'config') $('config').textContent = buildConfig(state.options, state.filename);
}

for (const [key, select] of Object.entries(optionSelects) as [keyof PlaygroundOptions, HTMLSelectElement][]) {
  select.addEventListener('change', () => {
    // A boolean option's select says "true" or "false".
    const value = typeof defaultOptions[key] === 'boolean' ? select.value === 'true' : select.value;
    state.options = { ...state.options, [key]: value };
    showOptions();
    void relower();
  });
}
$<HTMLInputElement>('filename').addEventListener('change', (event) => {
  state.filename = (event.target as HTMLInputElement).value.trim() || 'input.js';
  showOptions();
  void relower();
});

const exampleSelect = $<HTMLSelectElement>('examples');
for (const group of [...new Set(examples.map((e) => e.group))]) {
  const optgroup = document.createElement('optgroup');
  optgroup.label = group;
  optgroup.append(...examples.filter((e) => e.group === group).map((e) => new Option(e.title, e.id)));
  exampleSelect.append(optgroup);
}
exampleSelect.append(new Option('(your code)', 'custom'));
exampleSelect.addEventListener('change', () => {
  if (exampleSelect.value !== 'custom') void loadExample(exampleSelect.value);
});

function markExampleEdited() {
  exampleSelect.value = 'custom';
}

function showTwins(example: Example | undefined) {
  const twins = $('twins');
  twins.hidden = !example?.twins;
  twins.replaceChildren(
    ...(example?.twins ?? []).map((twin) => {
      const box = document.createElement('div');
      const title = document.createElement('h3');
      title.textContent = twin.title;
      const pre = document.createElement('pre');
      pre.textContent = twin.code;
      void colorizeTwin(pre, twin);
      box.append(title, pre);
      return box;
    })
  );
}

/** Python highlighting, with the line that suspends in the colour band of the JavaScript's await. */
async function colorizeTwin(pre: HTMLElement, twin: NonNullable<Example['twins']>[number]) {
  const lines = twin.code.split('\n');
  const html = await monaco.editor.colorize(twin.code, 'python', { tabSize: 4 });
  pre.innerHTML = html
    .split('<br/>')
    .map((line, i) => (lines[i]?.includes(twin.suspends) ? `<span class="band band-0" title="Where the coroutine suspends, as the await does in the JavaScript">${line}</span>` : line))
    .join('<br/>');
}

function setSource(code: string, { filename, example }: { filename?: string; example?: Example }) {
  if (filename) state.filename = filename;
  state.example = example?.id ?? examples.find((e) => e.code === code && (!filename || e.filename === filename))?.id ?? null;
  showOptions();
  source.setValue(code);
  exampleSelect.value = state.example ?? 'custom';
  showTwins(examples.find((e) => e.id === state.example));
}

function loadExample(id: string): Promise<Lowering> {
  const example = examples.find((e) => e.id === id) ?? defaultExample;
  setSource(example.code, { filename: example.filename, example });
  return relower();
}

// ---- share links, autosave -------------------------------------------------------------------------
function currentState(): SharedState {
  return { code: source.getValue(), filename: state.filename, options: state.options, pane: state.pane, diff: state.diff };
}

async function shareLink(): Promise<string> {
  const hash = await encodeState(currentState());
  const link = `${location.origin}${location.pathname}${location.search}#${hash}`;
  if (location.hash !== `#${hash}`) history.replaceState(null, '', `#${hash}`);
  const meter = $('link-length');
  meter.textContent = `link: ${link.length.toLocaleString('en-US')} chars`;
  meter.classList.toggle('long', link.length > longLink);
  meter.title = link.length > longLink ? 'A long link: some chat and mail tools cut links of this length.' : 'Length of the share link (the code travels in the link, compressed).';
  return link;
}

let saveTimer = 0;
function scheduleSave() {
  clearTimeout(saveTimer);
  saveTimer = window.setTimeout(() => {
    void shareLink(); // the address bar always holds the current state, so a reload keeps it
    try {
      localStorage.setItem(storageKey, JSON.stringify(currentState()));
    } catch {
      // Storage may be unavailable (private mode, quota): autosave is a convenience only.
    }
  }, 300);
}

/** Copies `text`; the button says whether it worked, then shows its label again. */
async function copyWithFeedback(button: HTMLElement, text: string, { otherwise }: { otherwise: () => string }) {
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied ✓';
  } catch {
    button.textContent = otherwise(); // no clipboard permission
  }
  setTimeout(() => (button.textContent = label), 1500);
}

$('share').addEventListener('click', async () => {
  const link = await shareLink();
  await copyWithFeedback($('share'), link, { otherwise: () => 'Link in address bar' });
});

function applyState(saved: SharedState) {
  state.options = { ...defaultOptions, ...saved.options };
  setSource(saved.code, { filename: saved.filename });
  selectPane(saved.pane);
  setDiff(saved.diff === true);
}

async function restore() {
  const fromLink = await decodeState(location.hash);
  if (fromLink) return applyState(fromLink);
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as SharedState | null;
    if (saved && typeof saved.code === 'string') return applyState({ ...saved, options: { ...defaultOptions, ...saved.options } });
  } catch {
    // A damaged saved state: start from the default example.
  }
  setSource(defaultExample.code, { filename: defaultExample.filename, example: defaultExample });
}

window.addEventListener('hashchange', async () => {
  const fromLink = await decodeState(location.hash);
  if (fromLink && fromLink.code !== source.getValue()) {
    applyState(fromLink);
    void relower();
  }
});

// ---- diff view, theme, narrow layout, shortcuts -------------------------------------------------
function setDiff(on: boolean) {
  state.diff = on;
  $('diff').setAttribute('aria-pressed', String(on));
  $('output').hidden = on;
  $('diff-editor').hidden = !on;
  if (on && !diffEditor) {
    diffEditor = monaco.editor.createDiffEditor($('diff-editor'), { automaticLayout: true, readOnly: true, originalEditable: false, renderSideBySide: false, minimap: { enabled: false }, fontSize: 13, scrollBeyondLastLine: false });
    diffEditor.setModel(diffModels);
  }
  scheduleSave();
}
$('diff').addEventListener('click', () => setDiff(!state.diff));

$('copy-config').addEventListener('click', () =>
  copyWithFeedback($('copy-config'), $('config').textContent ?? '', {
    otherwise: () => {
      getSelection()?.selectAllChildren($('config'));
      return 'Selected: press Ctrl+C';
    },
  })
);

const themeSelect = $<HTMLSelectElement>('theme');
const darkScheme = matchMedia('(prefers-color-scheme: dark)');
// Monaco's own themes, on the page's background colours.
monaco.editor.defineTheme('yieldfrom-light', { base: 'vs', inherit: true, rules: [], colors: { 'editor.background': '#ffffff' } });
monaco.editor.defineTheme('yieldfrom-dark', { base: 'vs-dark', inherit: true, rules: [], colors: { 'editor.background': '#0d1117', 'editorGutter.background': '#0d1117' } });
function applyTheme() {
  const dark = themeSelect.value === 'dark' || (themeSelect.value === 'system' && darkScheme.matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  monaco.editor.setTheme(dark ? 'yieldfrom-dark' : 'yieldfrom-light');
}
try {
  themeSelect.value = localStorage.getItem(`${storageKey}-theme`) ?? 'system';
} catch {
  themeSelect.value = 'system';
}
themeSelect.addEventListener('change', () => {
  applyTheme();
  try {
    localStorage.setItem(`${storageKey}-theme`, themeSelect.value);
  } catch {
    // The theme just will not be remembered.
  }
});
darkScheme.addEventListener('change', applyTheme);
applyTheme();

// The bottom panel's height: dragged (or moved with the arrow keys) and remembered.
const panel = $('panel');
const resizer = $('panel-resizer');
function setPanelHeight(pixels: number) {
  const height = Math.round(Math.min(Math.max(pixels, 120), window.innerHeight * 0.85));
  panel.style.height = `${height}px`;
  try {
    localStorage.setItem(`${storageKey}-panel`, String(height));
  } catch {
    // The height just will not be remembered.
  }
}
try {
  const saved = Number(localStorage.getItem(`${storageKey}-panel`));
  if (saved > 0) panel.style.height = `${Math.min(saved, window.innerHeight * 0.85)}px`;
} catch {
  // Keep the default height.
}
resizer.addEventListener('pointerdown', (event) => {
  resizer.setPointerCapture(event.pointerId);
  resizer.classList.add('dragging');
  const move = (e: PointerEvent) => setPanelHeight(window.innerHeight - e.clientY);
  const end = () => {
    resizer.classList.remove('dragging');
    resizer.removeEventListener('pointermove', move);
    resizer.removeEventListener('pointerup', end);
  };
  resizer.addEventListener('pointermove', move);
  resizer.addEventListener('pointerup', end);
});
resizer.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
  event.preventDefault();
  setPanelHeight(panel.getBoundingClientRect().height + (event.key === 'ArrowUp' ? 24 : -24));
});

function showNarrow(part: 'source' | 'output' | 'panel') {
  document.body.dataset.show = part;
  document.querySelectorAll<HTMLElement>('#narrow-tabs button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.show === part)));
}
document.querySelectorAll<HTMLElement>('#narrow-tabs button').forEach((b) => b.addEventListener('click', () => showNarrow(b.dataset.show as 'source')));
showNarrow('source');

$('run').addEventListener('click', () => void run());
$('stop').addEventListener('click', stop);
const shortcuts = $<HTMLDialogElement>('shortcuts');
$('help').addEventListener('click', () => shortcuts.showModal());

window.addEventListener(
  'keydown',
  (event) => {
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    let handled = true;
    if (mod && key === 'enter') void run();
    else if (key === 'escape' && runner.isRunning && !shortcuts.open) stop();
    else if (mod && event.shiftKey && key === 's') $('share').click();
    else if (mod && event.shiftKey && key === 'd') setDiff(!state.diff);
    else if (event.altKey && !mod && (event.code === 'BracketRight' || event.code === 'BracketLeft')) linker.jump(event.code === 'BracketRight' ? 1 : -1);
    else if (event.key === '?' && !(event.target as HTMLElement).closest('.monaco-editor, input, select, textarea')) shortcuts.showModal();
    else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  },
  { capture: true }
);

// ---- the embedding and automation API -------------------------------------------------------------
export interface PlaygroundApi {
  /** Replaces the source; resolves to the new lowered output. */
  setSource(code: string, options?: { filename?: string }): Promise<string>;
  getSource(): string;
  getOutput(): string;
  /** Changes options (helpers, promise, sourceType, asyncFunctionPrototype); resolves to the new lowered output. */
  setOptions(options: Partial<PlaygroundOptions>): Promise<string>;
  getOptions(): PlaygroundOptions & { filename: string };
  /** Runs both programs; `budgetMs` (default 10 s) bounds the run. */
  run(options?: { budgetMs?: number }): Promise<RunResult>;
  stop(): void;
  getTrace(): TracedEvent[];
  getSuspensions(): Suspension[];
  getDiagnostics(): Diagnostic[];
  shareLink(): Promise<string>;
  loadExample(id: string): Promise<string>;
  listExamples(): { id: string; title: string; filename: string }[];
  selectSuspension(index: number): void;
  selectPane(name: Pane): void;
}

declare global {
  interface Window {
    playground: PlaygroundApi;
  }
}

const outputOf = (lowering: Lowering) => (lowering.ok ? lowering.code : '');

window.playground = {
  async setSource(code, options = {}) {
    setSource(code, options);
    return outputOf(await relower());
  },
  getSource: () => source.getValue(),
  getOutput: () => state.output,
  async setOptions(options) {
    state.options = { ...state.options, ...options };
    showOptions();
    return outputOf(await relower());
  },
  getOptions: () => ({ ...state.options, filename: state.filename }),
  run: (options) => run(options),
  stop,
  getTrace: () => [...state.trace],
  getSuspensions: () => [...linker.suspensions],
  getDiagnostics: () => (state.lowering ? [...state.lowering.diagnostics] : []),
  shareLink,
  async loadExample(id) {
    return outputOf(await loadExample(id));
  },
  listExamples: () => examples.map(({ id, title, filename }) => ({ id, title, filename })),
  selectSuspension: (index) => linker.select(index),
  selectPane: (name) => selectPane(name),
};

void restore().then(relower);
