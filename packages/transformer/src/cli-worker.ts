// A worker thread of `yieldfrom`: takes WorkItems, answers WorkResults.
import { parentPort } from 'node:worker_threads';
import { work, type WorkItem } from './cli-work.js';

parentPort!.on('message', (item: WorkItem) => parentPort!.postMessage(work(item)));
