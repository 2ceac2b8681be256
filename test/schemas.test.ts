// The published JSON Schemas (what `relay schema --out` writes, checked with ajv, an
// independent validator) hold for what relay's real write paths put on disk: generated
// events, status files, episodic records, ledger indexes, epics and attempt ledgers.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appendEvent } from '../scripts/adapters/event-ledger.ts';
import { writeAgentStatus } from '../scripts/adapters/agent-status.ts';
import { appendRecord, rotateLedger } from '../scripts/adapters/episodic-store.ts';
import { createEpic, recordAttemptEnd, recordAttemptStart } from '../scripts/adapters/state.ts';
import { EVENT_TYPES } from '../scripts/core/events/events.ts';
import { RECORD_TYPES } from '../scripts/core/episodic/records.ts';
import { newLedger } from '../scripts/core/epic/attempts.ts';
import { projectPaths } from '../scripts/core/shared/paths.ts';
import { Settings, type Epic } from '../scripts/core/shared/schemas.ts';
import { relay, tempDir, tempProject } from './support/project.ts';

type Check = (value: unknown) => void;
const checks = new Map<string, Check>();

beforeAll(() => {
  const out = tempDir('relay-schemas-');
  const r = relay(process.cwd(), ['schema', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  for (const file of readdirSync(out)) {
    const schema = JSON.parse(readFileSync(join(out, file), 'utf8'));
    expect(schema.$id).toMatch(/^urn:relay:schema:[a-z-]+:v1$/);
    const validate = ajv.compile(schema);
    checks.set(file.replace('.schema.json', ''), (value) => {
      if (!validate(value)) throw new Error(`${file}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value).slice(0, 400)}`);
    });
  }
});

const text = fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0);
const iso = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
const kebab = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/);

describe('the published schemas', () => {
  it('cover every file relay writes', () => {
    expect([...checks.keys()].sort()).toEqual(['agent-status', 'agents-config', 'attempt-ledger', 'dashboard-attempts', 'dashboard-events', 'epic', 'episodic-record', 'event-line', 'kb-frontmatter', 'ledger-index', 'receipt', 'status-report', 'worker-receipt']);
  });

  it('hold for every event line and status.json the ledger writes', () => {
    fc.assert(fc.property(
      fc.record({ agent: fc.string({ maxLength: 30 }), event: fc.constantFrom(...EVENT_TYPES), summary: fc.string({ maxLength: 200 }), task: fc.option(text), session: fc.option(text), data: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 })) }),
      (g) => {
        const root = tempDir('relay-schema-events-');
        const line = appendEvent(root, { agent: g.agent, event: g.event, source: 'test', summary: g.summary, data: g.data, ...(g.task ? { task_id: g.task } : {}), ...(g.session ? { session_id: g.session } : {}) });
        const files = readdirSync(join(root, '.agents-os', 'ledger'), { recursive: true }).map(String).filter((f) => f.endsWith('.jsonl'));
        for (const f of files) for (const l of readFileSync(join(root, '.agents-os', 'ledger', f), 'utf8').split('\n').filter(Boolean)) checks.get('event-line')!(JSON.parse(l));
        writeAgentStatus({ root, agent: line.agent, ...(g.task ? { taskId: g.task, attempt: 1 } : {}), ...(g.session ? { sessionId: g.session } : {}) }, 'busy', line);
        const dir = join(root, '.agents-os', 'agents', line.agent);
        checks.get('agent-status')!(JSON.parse(readFileSync(join(dir, 'status.json'), 'utf8')));
      },
    ), { numRuns: 60 });
  });

  it('hold for every episodic record appended, and for the index rotation writes', async () => {
    const paths = projectPaths(tempProject());
    const records = fc.sample(fc.record({
      timestamp: iso, type: fc.constantFrom(...RECORD_TYPES.filter((t) => t !== 'lesson_learned')), task_id: kebab, summary: text,
      root_cause: fc.option(text, { nil: undefined }), fix: fc.option(text, { nil: undefined }), severity: fc.option(fc.constantFrom('critical', 'high', 'low', 'sev2', 'p1'), { nil: undefined }),
      files_modified: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }), duration_minutes: fc.option(fc.nat(600), { nil: undefined }), cost_usd: fc.option(fc.float({ min: 0, max: 50, noNaN: true }), { nil: undefined }),
    }, { requiredKeys: ['timestamp', 'type', 'task_id', 'summary'] }), 40);
    for (const record of records) await appendRecord(paths, record, { taskIdPolicy: 'suffix-when-taken' });
    await rotateLedger(paths, { force: true });
    await appendRecord(paths, { timestamp: '2026-12-01T10:00:00Z', type: 'consensus_decision', task_id: 'after-rotation', summary: 'kept going' });
    const lines = [paths.episodicLedger, ...readdirSync(paths.progressArchive).filter((f) => f.endsWith('.jsonl')).map((f) => join(paths.progressArchive, f))]
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean));
    expect(lines).toHaveLength(records.length + 1);
    for (const l of lines) checks.get('episodic-record')!(JSON.parse(l));
    checks.get('ledger-index')!(JSON.parse(readFileSync(paths.ledgerIndex, 'utf8')));
  });

  it('hold for the epic and the attempt ledger through attempts with generated receipts', async () => {
    const paths = projectPaths(tempProject());
    const epic: Epic = { version: 1, id: 'schema-epic', source: 'plan.md', created_at: '2026-12-01T00:00:00.000Z', title: 'Schemas', description: '', tasks: {
      T1: { title: 'One', priority: 'p1', points: 1, files: ['a.ts'], depends_on: [], acceptance_criteria: [] },
      T2: { title: 'Two', priority: 'p2', points: 2, files: [], depends_on: ['T1'], acceptance_criteria: ['works'] },
    } };
    const settings = Settings.parse({ max_attempts_per_task: 50 });
    await createEpic(paths, epic, newLedger(epic, settings, epic.created_at), { stamp: 'x' });
    const receipts = fc.sample(fc.record({
      status: fc.constantFrom('success' as const, 'failure' as const), summary: fc.string({ maxLength: 80 }), files_changed: fc.array(text, { maxLength: 3 }), pattern_tags: fc.array(text, { maxLength: 2 }),
      learning: fc.option(text, { nil: undefined }), error_summary: fc.option(text, { nil: undefined }), suggestion: fc.option(text, { nil: undefined }),
    }), 12);
    for (const [i, receipt] of receipts.slice(0, -1).entries()) {
      const attempt = await recordAttemptStart(paths, 'T1', null, []);
      // Each failure reads differently (letters, since numbers are normalised away), so repeated_failure never gates the task mid-test.
      const failed = { ...receipt, status: 'failure' as const, error_category: 'code_error' as const, error_summary: `${receipt.error_summary ?? 'failed'} variant ${'abcdefghijklmnop'[i]}`, quality_gate_findings: [] };
      await recordAttemptEnd(paths, 'T1', attempt.id, { result: 'failure', receipt: failed }, settings);
    }
    const attempt = await recordAttemptStart(paths, 'T1', 'abc', ['kb:1']);
    await recordAttemptEnd(paths, 'T1', attempt.id, { result: 'success', receipt: { ...receipts.at(-1)!, status: 'success', quality_gate_findings: [] }, git: { start_commit: 'abc', end_commit: 'def', files_changed: ['a.ts'] } }, settings);
    checks.get('epic')!(parse(readFileSync(paths.epic, 'utf8')));
    const ledger = parse(readFileSync(paths.attemptLedger, 'utf8'));
    expect(ledger.attempts.T1).toHaveLength(receipts.length);
    checks.get('attempt-ledger')!(ledger);
    for (const a of ledger.attempts.T1) checks.get('receipt')!(a.receipt);
    const status = relay(paths.root, ['status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    checks.get('status-report')!(JSON.parse(status.stdout));
  });
});
