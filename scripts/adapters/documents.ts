/**
 * YAML documents on disk: bounded reads with errors that name file, line and field, and
 * updates that keep the user's comments and key order (yaml's Document API) and go
 * through the store's lock and atomic write. Values are redacted before serialisation.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Document } from 'yaml';
import type { z } from 'zod';
import { RelayError } from '../core/shared/errors.ts';
import { redactValue } from '../core/shared/redact.ts';
import { fastYamlValue } from '../core/shared/yaml-fast.ts';
import { yaml } from '../core/shared/yaml-lib.ts';
import { parseYamlStrict, yamlLocator } from '../core/shared/yaml-strict.ts';
import { parseWith } from '../core/shared/validate.ts';

/** Validates what was read from `file`; a failure is reported again with the line of every problem. */
function parseRead<S extends z.ZodType>(schema: S, value: unknown, file: string): z.infer<S> {
  try {
    return parseWith(schema, value, file);
  } catch (err) {
    if (!(err instanceof RelayError) || !existsSync(file)) throw err;
    return parseWith(schema, value, file, [], yamlLocator(readFileSync(file, 'utf8')));
  }
}
import { readTextBounded, withLock, writeFileAtomic } from './store.ts';

const MAX_YAML_BYTES = 64 * 1024 * 1024;

const CONFLICT_MARKER = /^(<{7}|={7}|>{7})(?: |$)/m;

function refuseConflictMarkers(text: string, file: string): void {
  const marker = CONFLICT_MARKER.exec(text);
  if (marker) {
    const line = text.slice(0, marker.index).split('\n').length;
    throw new RelayError(`${file}:${line}: merge conflict markers ("${marker[1]}"): git left this file mid-merge; resolve it (keep both sides' entries) or take one side with git checkout --ours/--theirs -- ${file}, then run relay status`);
  }
}

function parseText(text: string, file: string): Document.Parsed {
  refuseConflictMarkers(text, file);
  const { doc, problem } = parseYamlStrict(text);
  if (problem) throw new RelayError(`${file}:${problem.line}:${problem.col}: invalid YAML: ${problem.message}`);
  return doc;
}

function readText(file: string): string {
  try {
    return readTextBounded(file, MAX_YAML_BYTES);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new RelayError(`${file}: file not found`);
    throw new RelayError(e.code === 'EFBIG' ? e.message : `${file}: cannot read (${e.code ?? e.message})`);
  }
}

function readDocument(file: string): Document.Parsed {
  return parseText(readText(file), file);
}

/** YAML text (already read) as plain data: js-yaml's fast reading when it is sure, else yaml's strict one (yaml-fast.ts says when); `file` names it in errors. */
export function parseYamlText(text: string, file: string): unknown {
  refuseConflictMarkers(text, file);
  return fastYamlValue(text) ?? toJS(parseText(text, file), file);
}

/** YAML text brought in line with `value`, touching only what changed: its comments and key order survive. */
export function restateYamlText(text: string, value: unknown, file: string): string {
  const doc = parseText(text, file);
  doc.contents = syncNode(doc, doc.contents, redactValue(JSON.parse(JSON.stringify(value)))) as typeof doc.contents;
  return doc.toString({ lineWidth: 0 });
}

/** Alias expansion is bounded, so a "billion laughs" document fails fast instead of eating memory. */
function toJS(doc: Document.Parsed, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new RelayError(`${file}: invalid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** The file as plain data, before any schema. */
export function loadYamlValue(file: string): unknown {
  return parseYamlText(readText(file), file);
}

export function loadYaml<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  return parseRead(schema, loadYamlValue(file), file);
}

/**
 * A JSON snapshot of a YAML document, keyed by the file's inode, size and mtime. yaml's
 * parser costs about 1 s per MB on this machine, so a 1000-task attempt ledger would make
 * every `relay status` slow; JSON.parse of the same data is ~100× cheaper. Any write or
 * hand edit changes the key, and a stale snapshot is simply ignored.
 */
interface Snapshot {
  key: string;
  data: unknown;
  /**
   * Set when relay itself wrote the YAML from `data` with `header` as its only comment, so
   * the file can be regenerated from the snapshot without losing anything a person wrote.
   */
  owned?: { header: string | null };
}

function fileKey(file: string): string | undefined {
  try {
    const st = statSync(file);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return undefined;
  }
}

function writeSnapshot(file: string, snapshotFile: string, data: unknown, owned?: Snapshot['owned']): void {
  const key = fileKey(file);
  if (!key) return;
  try {
    writeFileAtomic(snapshotFile, JSON.stringify({ key, data, ...(owned ? { owned } : {}) } satisfies Snapshot));
  } catch {
    // The snapshot is only a speed-up; the YAML file is the truth.
  }
}

function freshSnapshot(file: string, snapshotFile: string): Snapshot | undefined {
  const key = fileKey(file);
  if (!key) return undefined;
  try {
    const snap = JSON.parse(readFileSync(snapshotFile, 'utf8')) as Snapshot;
    return snap.key === key ? snap : undefined;
  } catch {
    return undefined; // missing or unreadable snapshot: the caller reads the YAML
  }
}

/** Like loadYaml, served from the JSON snapshot when it matches the file. */
export function loadYamlSnapshot<S extends z.ZodType>(file: string, schema: S, snapshotFile: string): z.infer<S> {
  const snap = freshSnapshot(file, snapshotFile);
  if (snap) return parseRead(schema, snap.data, file);
  const value = loadYamlValue(file);
  const parsed = parseRead(schema, value, file);
  writeSnapshot(file, snapshotFile, value);
  return parsed;
}

export function loadYamlIfExists<S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined {
  return existsSync(file) ? loadYaml(file, schema) : undefined;
}

/**
 * Brings a parsed document in line with `value`, touching only what changed, so that
 * comments and key order on untouched nodes survive.
 */
function syncNode(doc: Document, node: unknown, value: unknown): unknown {
  if (yaml().isMap(node) && value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    // `attempts: {}` is written in flow style; once it has content, block style reads better.
    if (node.flow && Object.keys(obj).length) node.flow = false;
    for (const pair of [...node.items]) {
      const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
      if (!(key in obj)) node.delete(pair.key);
    }
    for (const [key, v] of Object.entries(obj)) {
      if (v === undefined) continue;
      const current = node.get(key, true);
      if (current === undefined) node.set(key, doc.createNode(v));
      else node.set(key, syncNode(doc, current, v));
    }
    return node;
  }
  if (yaml().isSeq(node) && Array.isArray(value)) {
    // Appends keep existing items (and their comments); any other change rewrites the list.
    const items = node.items;
    const prefixSame = items.length <= value.length && items.every((item, i) => JSON.stringify((item as { toJSON?: () => unknown })?.toJSON?.() ?? (item as { value?: unknown })?.value ?? item) === JSON.stringify(value[i]));
    if (prefixSame) {
      if (node.flow && value.length && value.some((v) => v !== null && typeof v === 'object')) node.flow = false;
      for (const v of value.slice(items.length)) node.add(doc.createNode(v));
      return node;
    }
    return doc.createNode(value);
  }
  const scalar = node as { value?: unknown } | null;
  if (scalar && typeof scalar === 'object' && 'value' in scalar && scalar.value === value) return node;
  return doc.createNode(value);
}

/** Whether a person left comments inside the document (not just the header relay writes). */
function hasInnerComments(doc: Document): boolean {
  let found = false;
  const { visit } = yaml();
  visit(doc, (_key, node) => {
    const n = node as { comment?: string | null; commentBefore?: string | null };
    if (n && (n.comment || n.commentBefore)) {
      found = true;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

export function serializeYaml(value: unknown, header?: string): string {
  const doc = yaml().parseDocument('{}');
  doc.contents = doc.createNode(redactValue(value)) as typeof doc.contents;
  if (header) doc.commentBefore = header;
  return doc.toString({ lineWidth: 0 });
}

/** Writes a fresh YAML document (no previous content to preserve). */
export function writeYaml(file: string, value: unknown, header?: string, snapshotFile?: string): void {
  writeFileAtomic(file, serializeYaml(value, header));
  if (snapshotFile) writeSnapshot(file, snapshotFile, redactValue(value), { header: header ?? null });
}

/**
 * The read-modify-write of a YAML document: lock, parse, validate, apply `mutate`,
 * validate the result, write atomically. Returns what `mutate` returned.
 */
export async function updateYaml<S extends z.ZodType, R>(
  file: string,
  schema: S,
  mutate: (current: z.infer<S>) => { next: z.infer<S>; result: R },
  snapshotFile?: string,
): Promise<R> {
  return withLock(file, () => {
    // Fast path: the file is exactly what relay last wrote, so it can be regenerated from
    // the snapshot. Otherwise someone edited it: go through the Document to keep their comments.
    const snap = snapshotFile ? freshSnapshot(file, snapshotFile) : undefined;
    const doc = snap?.owned ? undefined : readDocument(file);
    const current = parseRead(schema, snap?.owned ? snap.data : toJS(doc!, file), file);
    const { next, result } = mutate(current);
    const checked = parseWith(schema, next, file);
    const plain = redactValue(JSON.parse(JSON.stringify(checked)));
    if (doc) {
      doc.contents = syncNode(doc, doc.contents, plain) as typeof doc.contents;
      writeFileAtomic(file, doc.toString({ lineWidth: 0 }));
      if (snapshotFile) writeSnapshot(file, snapshotFile, plain, doc.comment || hasInnerComments(doc) ? undefined : { header: doc.commentBefore ?? null });
    } else {
      writeFileAtomic(file, serializeYaml(plain, snap!.owned!.header ?? undefined));
      writeSnapshot(file, snapshotFile!, plain, snap!.owned);
    }
    return result;
  });
}
