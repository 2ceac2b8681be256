/**
 * The worker thread recall-readers.ts starts: reads the sources it is given, in order, and
 * posts their documents back in batches, so the other thread indexes them while it reads on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readSource } from './recall-read.ts';
import type { WorkerInput } from './recall-readers.ts';
import type { ReadSource } from './recall-sources.ts';

const BATCH_DOCS = 256;

const { paths, files } = workerData as WorkerInput;
let batch: ReadSource[] = [];
let docs = 0;
for (const f of files) {
  const read = readSource(paths, f);
  batch.push(read);
  docs += read.docs.length + 1;
  if (docs >= BATCH_DOCS) {
    parentPort!.postMessage(batch);
    batch = [];
    docs = 0;
  }
}
if (batch.length) parentPort!.postMessage(batch);
