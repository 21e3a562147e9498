// The examples menu: a graded path from a first `await` to async generators, then the classics.
// Each example is a real file beside this one (imported as text), so it reads like code, not like a
// string literal, and the browser tests run every one of them natively and lowered.
import firstAwait from './first-await.js?raw';
import errors from './errors.js?raw';
import tryFinally from './try-finally.js?raw';
import loops from './loops.js?raw';
import promiseAll from './promise-all.js?raw';
import arrowsThisArguments from './arrows-this-arguments.js?raw';
import classSuper from './class-super.js?raw';
import asyncGenerators from './async-generators.js?raw';
import microtaskOrder from './microtask-order.js?raw';
import countdown from './countdown.js?raw';
import countdownYieldFrom from './countdown-yield-from.py?raw';
import countdownAsyncDef from './countdown-async-def.py?raw';
import typescript from './typescript.ts?raw';
import jsx from './jsx.jsx?raw';
import awaitUsing from './await-using.js?raw';
import sentAsText from './sent-as-text.js?raw';

export interface Example {
  id: string;
  title: string;
  group: 'Step by step' | 'Classics';
  filename: string;
  code: string;
  /** Read-only companions shown beside the JavaScript (the same program in another language). */
  twins?: { title: string; code: string; /** The twin's line that does what the JavaScript's await does. */ suspends: string }[];
}

export const examples: Example[] = [
  { id: 'first-await', group: 'Step by step', title: '1. A first await', filename: 'first-await.js', code: firstAwait },
  { id: 'errors', group: 'Step by step', title: '2. Errors and rejections', filename: 'errors.js', code: errors },
  { id: 'try-finally', group: 'Step by step', title: '3. try / finally', filename: 'try-finally.js', code: tryFinally },
  { id: 'loops', group: 'Step by step', title: '4. Loops', filename: 'loops.js', code: loops },
  { id: 'promise-all', group: 'Step by step', title: '5. Promise.all and race', filename: 'promise-all.js', code: promiseAll },
  { id: 'arrows-this-arguments', group: 'Step by step', title: '6. Async arrows: this and arguments', filename: 'arrows.js', code: arrowsThisArguments },
  { id: 'class-super', group: 'Step by step', title: '7. Class methods and super', filename: 'class-super.js', code: classSuper },
  { id: 'async-generators', group: 'Step by step', title: '8. Async generators and for await', filename: 'async-generators.js', code: asyncGenerators },
  { id: 'microtask-order', group: 'Step by step', title: '9. Microtask order', filename: 'microtask-order.js', code: microtaskOrder },
  { id: 'typescript', group: 'Step by step', title: '10. TypeScript', filename: 'user.ts', code: typescript },
  { id: 'jsx', group: 'Step by step', title: '11. JSX', filename: 'profile.jsx', code: jsx },
  { id: 'await-using', group: 'Step by step', title: '12. await using', filename: 'copy.js', code: awaitUsing },
  { id: 'sent-as-text', group: 'Step by step', title: '13. Functions sent as text', filename: 'evaluate.js', code: sentAsText },
  {
    id: 'countdown',
    group: 'Classics',
    title: 'Two countdowns, with their Python twins',
    filename: 'countdown.js',
    code: countdown,
    twins: [
      { title: 'Python 3.4: @asyncio.coroutine and yield from', code: countdownYieldFrom, suspends: 'yield from asyncio.sleep(1)' },
      { title: 'Python 3.5+: async def and await', code: countdownAsyncDef, suspends: 'await asyncio.sleep(1)' },
    ],
  },
];

export const defaultExample = examples.find((example) => example.id === 'countdown')!;
