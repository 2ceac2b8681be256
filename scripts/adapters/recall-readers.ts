/**
 * Reads the recall sources that changed, in their order, on two threads where that is faster.
 * This thread reads the leading JSONL ledgers (JSON only: nothing more to load) while a worker
 * thread loads the YAML and schema parsers and reads the rest (the attempt ledger, the
 * ops-knowledge entries, AGENTS.md), posting each file's documents back as it goes; the caller
 * builds the index from both, in source order, as they come. A worker that cannot start or
 * fails leaves its files to this thread, so the result never depends on it.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ProjectPaths } from '../core/shared/paths.ts';
import { readJsonl } from './recall-read-jsonl.ts';
import type { ReadSource, SourceFile } from './recall-sources.ts';

/** Below this much to read, starting a thread (about a tenth of a second to load its parsers) costs more than it saves. */
const WORKER_MIN_FILES = 64;
const WORKER_MIN_BYTES = 512 * 1024;

export interface WorkerInput {
  paths: ProjectPaths;
  files: SourceFile[];
}

/** The worker's script: beside this module when run from source, dist/recall-read-worker.mjs in the bundle (whose chunks sit one folder down). */
function workerScript(): URL {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return new URL('./recall-read-worker.ts', here);
  return new URL(/\/(hook-)?chunks\/[^/]+$/.test(here) ? '../recall-read-worker.mjs' : './recall-read-worker.mjs', here);
}

function worthAThread(files: readonly SourceFile[]): boolean {
  const setting = process.env.RELAY_RECALL_THREADS;
  if (setting !== undefined && setting !== '') return Number(setting) > 1 && files.length > 0;
  return availableParallelism() > 1 && (files.length >= WORKER_MIN_FILES || files.reduce((n, f) => n + f.size, 0) >= WORKER_MIN_BYTES);
}

interface Reader {
  /** The next file's result, in order; throws when the worker failed before sending it. */
  next(): Promise<ReadSource>;
  stop(): void;
}

function startWorker(input: WorkerInput): Reader | null {
  let worker: Worker;
  try {
    worker = new Worker(workerScript(), { workerData: input });
  } catch {
    return null;
  }
  const results: ReadSource[] = [];
  let taken = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  worker.on('message', (batch: ReadSource[]) => {
    results.push(...batch);
    wake?.();
  });
  worker.on('error', (err: Error) => {
    failure = err;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (results.length < input.files.length) failure ??= new Error(`the recall reader thread exited (${code}) early`);
    wake?.();
  });
  return {
    async next() {
      while (taken === results.length) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
      return results[taken++]!;
    },
    stop: () => void worker.terminate(),
  };
}

/** The files' results in order. `used.threads` is set to 2 once the worker thread has read a file. */
export async function* readInOrder(paths: ProjectPaths, files: readonly SourceFile[], used: { threads: number }): AsyncGenerator<ReadSource> {
  let split = files.findIndex((f) => f.kind !== 'episodic');
  if (split < 0) split = files.length;
  const rest = files.slice(split);
  const worker = worthAThread(rest) ? startWorker({ paths, files: rest }) : null;
  for (const f of files.slice(0, split)) yield readJsonl(f);
  let done = 0;
  if (worker) {
    try {
      for (; done < rest.length; done++) {
        const read = await worker.next();
        used.threads = 2;
        yield read;
      }
    } catch {
      // What the worker did not read is read here.
    } finally {
      worker.stop();
    }
  }
  if (done === rest.length) return;
  const { readSource } = await import('./recall-read.ts');
  for (const f of rest.slice(done)) yield readSource(paths, f);
}
