/**
 * Three versions of one of relay's files merged by what the file means (core/merge): the work
 * behind both the git merge driver and `relay repair`. Only AGENTS.md's prose, which a person
 * wrote, goes through git's own text merge (`git merge-file`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { AttemptLedger } from '../core/shared/schemas.ts';
import { RelayError } from '../core/shared/errors.ts';
import { parseWith } from '../core/shared/validate.ts';
import { mergeAttemptLedgers } from '../core/merge/attempt-ledger.ts';
import { mergeEpics } from '../core/merge/epic.ts';
import { mergeNotes } from '../core/merge/notes.ts';
import { mergeKeyLearnings, withEmptyKeyLearnings, withKeyLearnings } from '../core/merge/key-learnings.ts';
import { mergeJsonl, type MergeKind } from '../core/merge/kinds.ts';
import { mergeLedgerIndex } from '../core/merge/ledger-index.ts';
import { readKeyLearnings } from '../core/knowledge/learnings.ts';
import { parseYamlText, restateYamlText } from './documents.ts';

export interface MergeResult {
  text: string;
  /** Set when the sides truly contradict each other: `text` then holds git's conflict markers for the user to settle. */
  contradiction?: string;
}

/** git merge-file on three texts: the merged text, and whether conflicts (marked in it) remain. */
export async function mergeText(base: string, ours: string, theirs: string): Promise<{ text: string; conflicted: boolean }> {
  const dir = mkdtempSync(join(tmpdir(), 'relay-merge-'));
  try {
    const [o, b, t] = ['ours', 'base', 'theirs'].map((n) => join(dir, n));
    writeFileSync(o!, ours);
    writeFileSync(b!, base);
    writeFileSync(t!, theirs);
    const run = await execa('git', ['merge-file', '-p', '-L', 'ours', '-L', 'base', '-L', 'theirs', o!, b!, t!], { reject: false, stripFinalNewline: false });
    if (run.exitCode === undefined || run.exitCode < 0 || run.exitCode > 127) throw new RelayError(`git merge-file failed: ${run.stderr.split('\n')[0]}`);
    return { text: run.stdout, conflicted: run.exitCode > 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}


function ledgerOf(text: string, file: string, side: string): AttemptLedger {
  return parseWith(AttemptLedger, parseYamlText(text, `${file} (${side})`), `${file} (${side})`);
}

export async function mergeVersions(kind: MergeKind, file: string, base: string | null, ours: string, theirs: string): Promise<MergeResult> {
  switch (kind) {
    case 'attempt-ledger': {
      const merged = mergeAttemptLedgers(base?.trim() ? ledgerOf(base, file, 'base') : null, ledgerOf(ours, file, 'ours'), ledgerOf(theirs, file, 'theirs'), file);
      return { text: restateYamlText(ours, merged, file) };
    }
    case 'epic': {
      const value = (text: string | null, side: string) => (text?.trim() ? parseYamlText(text, `${file} (${side})`) : undefined);
      try {
        return { text: restateYamlText(ours, mergeEpics(value(base, 'base'), value(ours, 'ours'), value(theirs, 'theirs'), file), file) };
      } catch (err) {
        if (!(err instanceof RelayError)) throw err;
        return { text: (await mergeText(base ?? '', ours, theirs)).text, contradiction: err.message };
      }
    }
    case 'notes':
      return { text: mergeNotes(base ?? '', ours, theirs) };
    case 'key-learnings': {
      const prose = await mergeText(withEmptyKeyLearnings(base ?? ''), withEmptyKeyLearnings(ours), withEmptyKeyLearnings(theirs));
      const section = mergeKeyLearnings(readKeyLearnings(base ?? ''), readKeyLearnings(ours), readKeyLearnings(theirs));
      const text = withKeyLearnings(prose.text, section);
      return prose.conflicted ? { text, contradiction: `${file}: both branches changed the same lines of the prose; the Key Learnings section is merged, settle the marked lines by hand` } : { text };
    }
    case 'jsonl':
      return { text: mergeJsonl(base ?? '', ours, theirs) };
    case 'ledger-index':
      return { text: mergeLedgerIndex(base ?? '', ours, theirs, file) };
  }
}
