// A worker thread of `yieldfrom`: takes WorkItems, answers WorkResults.
import { parentPort } from 'node:worker_threads';
import { work, type WorkItem } from './cli-work.js';

// `null`: no more work; closing the port lets the thread end on its own.
parentPort!.on('message', (item: WorkItem | null) => (item ? parentPort!.postMessage(work(item)) : parentPort!.close()));
