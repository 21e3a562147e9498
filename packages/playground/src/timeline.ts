// The coroutines of a run, one lane per coroutine instance, left to right in the order things
// happened: created, running (thick), suspended on an awaited value (dashed), resumed with a value or
// an error, settled. The axis above counts microtask ticks; a vertical rule marks each timer turn.
import type { TracedEvent } from './protocol';

const ns = 'http://www.w3.org/2000/svg';
const laneHeight = 28;
const top = 30;
const left = 150;
const step = 26;
export const maxDrawnEvents = 3000;

export interface TimelineOptions {
  /** The name shown for a coroutine, from its creation event. */
  nameOf: (event: Extract<TracedEvent, { type: 'create' }>) => string;
  onSelect: (event: TracedEvent) => void;
  selectedOrder: number;
}

function element<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(ns, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function describeEvent(event: TracedEvent): string {
  switch (event.type) {
    case 'create':
      return 'created';
    case 'suspend':
      return `suspended on ${event.value}`;
    case 'resume':
      return event.threw ? `resumed with an error: ${event.value}` : `resumed with ${event.value}`;
    case 'settle':
      return event.threw ? `rejected with ${event.value}` : `fulfilled with ${event.value}`;
  }
}

export function drawTimeline(svg: SVGSVGElement, allEvents: TracedEvent[], options: TimelineOptions): void {
  svg.replaceChildren();
  const events = allEvents.slice(0, maxDrawnEvents);
  if (!events.length) {
    svg.setAttribute('width', '0');
    svg.setAttribute('height', '0');
    return;
  }
  const lanes = [...new Set(events.map((e) => e.id))];
  const laneOf = new Map(lanes.map((id, index) => [id, index]));
  const x = (index: number) => left + index * step + step / 2;
  const y = (id: number) => top + laneOf.get(id)! * laneHeight + laneHeight / 2;
  const width = left + events.length * step + 20;
  const height = top + lanes.length * laneHeight + 8;
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);

  // Timer turns and microtask ticks.
  let previous: TracedEvent | undefined;
  let lastTickLabelX = -Infinity;
  events.forEach((event, index) => {
    if (previous && event.turn !== previous.turn) {
      const at = x(index) - step / 2;
      svg.append(element('line', { x1: at, x2: at, y1: 14, y2: height, class: 'turn-rule' }));
      svg.append(element('text', { x: at, y: 10, class: 'turn-label', 'text-anchor': 'middle' }, String(event.turn)));
    }
    if ((!previous || event.tick !== previous.tick) && x(index) - lastTickLabelX > 26) {
      svg.append(element('text', { x: x(index), y: 24, class: 'tick-label', 'text-anchor': 'middle' }, String(event.tick)));
      lastTickLabelX = x(index);
    }
    previous = event;
  });
  svg.append(element('text', { x: 4, y: 10, class: 'axis-label' }, 'timer turn'));
  svg.append(element('text', { x: 4, y: 24, class: 'axis-label' }, 'microtask tick'));

  // Lanes: a label, then running and waiting segments between consecutive events of the coroutine.
  const byLane = new Map<number, { event: TracedEvent; index: number }[]>();
  events.forEach((event, index) => {
    if (!byLane.has(event.id)) byLane.set(event.id, []);
    byLane.get(event.id)!.push({ event, index });
  });
  for (const [id, laneEvents] of byLane) {
    const create = laneEvents.find(({ event }) => event.type === 'create')?.event as Extract<TracedEvent, { type: 'create' }> | undefined;
    svg.append(element('text', { x: 4, y: y(id) + 4, class: 'lane-label' }, `#${id} ${create ? options.nameOf(create) : ''}`));
    for (let i = 0; i + 1 < laneEvents.length; i++) {
      const from = laneEvents[i]!;
      const to = laneEvents[i + 1]!;
      const waiting = from.event.type === 'suspend';
      svg.append(element('line', { x1: x(from.index), x2: x(to.index), y1: y(id), y2: y(id), class: waiting ? 'segment waiting' : 'segment running' }));
    }
  }

  // The events themselves, clickable.
  events.forEach((event, index) => {
    const threw = 'threw' in event && event.threw;
    const marker = element('circle', { cx: x(index), cy: y(event.id), r: 6, class: `event ${event.type}${threw ? ' threw' : ''}${event.order === options.selectedOrder ? ' selected' : ''}`, tabindex: 0, role: 'button' });
    marker.dataset.order = String(event.order);
    marker.append(element('title', {}, `#${event.id} ${describeEvent(event)} (tick ${event.tick}${event.turn ? `, timer ${event.turn}` : ''})`));
    const select = () => options.onSelect(event);
    marker.addEventListener('click', select);
    marker.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') select();
      // Left and right step through the events in the order they happened.
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      const next = step ? events[index + step] : undefined;
      if (!next) return;
      e.preventDefault();
      svg.querySelector<SVGElement>(`.event[data-order="${next.order}"]`)?.focus();
      options.onSelect(next);
    });
    svg.append(marker);
  });
}
