// One session is given each recalled memory once: a resume or a compaction re-anchors the
// session without handing it the memories an earlier SessionStart already gave.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { relay, tempProject } from '../support/project.ts';
import { hookPayloads } from './support/payloads.ts';
import { ledgerLines, runHookBundle } from './support/run-hook.ts';

it('SessionStart never gives one session the same memory twice', () => {
  const root = tempProject();
  writeFileSync(join(root, 'plan.md'), '# Billing\nCharge monthly.\n\n## Tasks\n\n### T1: Create invoices table\n- Priority: p1\n- Files: db/invoices.sql\n');
  expect(relay(root, ['init', 'plan.md']).code).toBe(0);
  for (let i = 0; i < 5; i++) {
    const record = { timestamp: `2026-11-0${i + 1}T10:00:00Z`, type: 'incident', task_id: `invoices-lock-${i}`, summary: `Creating the invoices table locked customers (case ${i})`, root_cause: `the invoices table migration ${i} took an exclusive lock`, fix: 'ran the migration with a lock timeout', severity: 'medium' };
    const add = relay(root, ['ledger', 'add'], JSON.stringify(record));
    expect(add.code, add.stderr).toBe(0);
  }
  const p = hookPayloads(root, 'sess-memory');
  const context = (source: string) => JSON.parse(runHookBundle(p.sessionStart(source)).stdout).hookSpecificOutput.additionalContext as string;
  const links = (text: string) => [...text.matchAll(/\((progress\/ledger\.jsonl:\d+)\)/g)].map((m) => m[1]!);

  const first = links(context('startup'));
  expect(first.length).toBeGreaterThan(0);
  const resumed = links(context('resume'));
  expect(resumed.filter((l) => first.includes(l))).toEqual([]);
  const starts = ledgerLines(root).filter((e) => e.event === 'session_start');
  expect(starts[0]!.data.memories).toHaveLength(first.length);
  // Another session starts fresh.
  const other = JSON.parse(runHookBundle(hookPayloads(root, 'sess-other').sessionStart()).stdout).hookSpecificOutput.additionalContext as string;
  expect(links(other)).toEqual(first);
});
