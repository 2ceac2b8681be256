import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  closeAbandonedAttempts, errorFingerprint, finishAttempt, gateTask, newLedger, nextReadyTask, normaliseError, startAttempt, ungateTask,
} from '../../scripts/core/epic/attempts.ts';
import { Settings, type AttemptLedger, type Epic, type Receipt } from '../../scripts/core/shared/schemas.ts';

const NOW = '2026-11-22T10:00:00.000Z';
const settings = Settings.parse({ max_attempts_per_task: 3 });

function epicOf(tasks: Record<string, { priority?: 'p0' | 'p1' | 'p2' | 'p3'; depends_on?: string[] }>): Epic {
  return {
    version: 1, id: 'e', source: 's', created_at: NOW, title: 'E', description: '',
    tasks: Object.fromEntries(Object.entries(tasks).map(([id, t]) => [id, { title: id, priority: t.priority ?? 'p2', points: 1, files: [], depends_on: t.depends_on ?? [], acceptance_criteria: [] }])),
  };
}

function failure(summary: string, extra: Partial<Receipt> = {}): Receipt {
  return { status: 'failure', summary: 'failed', files_changed: [], pattern_tags: [], quality_gate_findings: [], error_category: 'test_failure', error_summary: summary, ...extra };
}
const success: Receipt = { status: 'success', summary: 'ok', files_changed: [], pattern_tags: [], quality_gate_findings: [] };

function attempt(epic: Epic, ledger: AttemptLedger, id: string, receipt: Receipt | 'interrupted'): AttemptLedger {
  const started = startAttempt(epic, ledger, id, NOW, null);
  if (receipt === 'interrupted') return finishAttempt(epic, started.ledger, id, started.attempt.id, { result: 'interrupted', receipt: null }, NOW);
  return finishAttempt(epic, started.ledger, id, started.attempt.id, { result: receipt.status, receipt }, NOW);
}

describe('statuses and readiness', () => {
  const epic = epicOf({ T1: {}, T2: { depends_on: ['T1'] }, T3: { priority: 'p0' }, T4: { priority: 'p0', depends_on: ['T2'] } });

  it('marks tasks with unfinished dependencies blocked', () => {
    const ledger = newLedger(epic, settings, NOW);
    expect(ledger.task_status).toEqual({ T1: 'pending', T2: 'blocked', T3: 'pending', T4: 'blocked' });
  });

  it('picks by readiness, then priority, then epic order', () => {
    let ledger = newLedger(epic, settings, NOW);
    expect(nextReadyTask(epic, ledger)).toBe('T3');
    ledger = attempt(epic, ledger, 'T3', success);
    expect(nextReadyTask(epic, ledger)).toBe('T1');
    ledger = attempt(epic, ledger, 'T1', success);
    expect(ledger.task_status.T2).toBe('pending');
    expect(nextReadyTask(epic, ledger)).toBe('T2');
    ledger = attempt(epic, ledger, 'T2', success);
    expect(nextReadyTask(epic, ledger)).toBe('T4');
  });

  it('refuses to start a task that is not pending', () => {
    const ledger = newLedger(epic, settings, NOW);
    expect(() => startAttempt(epic, ledger, 'T2', NOW, null)).toThrow(/T2 is blocked/);
    expect(() => startAttempt(epic, ledger, 'T9', NOW, null)).toThrow(/unknown task "T9"/);
  });
});

describe('gating', () => {
  const epic = epicOf({ T1: {}, T2: { depends_on: ['T1'] } });

  it('retries after one failure, gates repeated_failure on the same fingerprint twice in a row', () => {
    let ledger = attempt(epic, newLedger(epic, settings, NOW), 'T1', failure('Expected 3 but got 4 at /tmp/a/b.ts:12'));
    expect(ledger.task_status.T1).toBe('pending');
    ledger = attempt(epic, ledger, 'T1', failure('Expected 5 but got 9 at /home/x/b.ts:40'));
    expect(ledger.task_status.T1).toBe('gated');
    expect(ledger.gated_tasks.T1!.reason).toBe('repeated_failure');
    expect(ledger.task_status.T2).toBe('blocked');
  });

  it('gates max_attempts_exceeded when different failures reach the maximum', () => {
    let ledger = newLedger(epic, settings, NOW);
    for (const msg of ['syntax error', 'type mismatch', 'missing import']) ledger = attempt(epic, ledger, 'T1', failure(msg));
    expect(ledger.gated_tasks.T1!.reason).toBe('max_attempts_exceeded');
  });

  it('gates quality_gate_blocked at once', () => {
    const ledger = attempt(epic, newLedger(epic, settings, NOW), 'T1', failure('review blocked', { error_category: 'quality_gate', quality_gate_verdict: 'BLOCKED' }));
    expect(ledger.gated_tasks.T1!.reason).toBe('quality_gate_blocked');
  });

  it('does not count interrupted attempts', () => {
    let ledger = newLedger(epic, settings, NOW);
    ledger = attempt(epic, ledger, 'T1', failure('boom'));
    ledger = attempt(epic, ledger, 'T1', 'interrupted');
    ledger = attempt(epic, ledger, 'T1', 'interrupted');
    expect(ledger.task_status.T1).toBe('pending');
    ledger = attempt(epic, ledger, 'T1', failure('boom'));
    expect(ledger.gated_tasks.T1!.reason).toBe('repeated_failure');
    expect(ledger.attempts.T1).toHaveLength(4);
  });

  it('ungate resets the streak but keeps the history; user gates stick', () => {
    let ledger = newLedger(epic, settings, NOW);
    ledger = attempt(epic, ledger, 'T1', failure('boom'));
    ledger = attempt(epic, ledger, 'T1', failure('boom'));
    ledger = ungateTask(epic, ledger, 'T1', NOW);
    expect(ledger.task_status.T1).toBe('pending');
    expect(ledger.attempts.T1).toHaveLength(2);
    ledger = attempt(epic, ledger, 'T1', failure('boom'));
    expect(ledger.task_status.T1).toBe('pending');
    ledger = gateTask(epic, ledger, 'T1', 'user_blocked', 'waiting for design', NOW);
    expect(ledger.gated_tasks.T1).toEqual({ reason: 'user_blocked', gated_at: NOW, detail: 'waiting for design' });
    expect(() => ungateTask(epic, ledger, 'T2', NOW)).toThrow(/not gated/);
  });

  it('closes attempts abandoned by a dead run as interrupted', () => {
    const started = startAttempt(epic, newLedger(epic, settings, NOW), 'T1', NOW, 'abc');
    const { ledger, closed } = closeAbandonedAttempts(epic, started.ledger, NOW);
    expect(closed).toEqual(['T1#1']);
    expect(ledger.attempts.T1![0]!.result).toBe('interrupted');
    expect(ledger.task_status.T1).toBe('pending');
  });
});

describe('error fingerprints', () => {
  it('ignore numbers, paths, hex and timestamps', () => {
    expect(normaliseError('2026-11-22T10:00:01Z TypeError at /a/b/c.ts:10:5 (0xdeadbeef) commit 1a2b3c4d5e'))
      .toBe(normaliseError('2025-01-02T11:22:33.123+02:00 TypeError at ./x/y.ts:99:1 (0x1f) commit ffeeddccbb'));
    expect(errorFingerprint(failure('Cannot find module /x/y'))).toBe(errorFingerprint(failure('Cannot find module /z/w')));
    expect(errorFingerprint(failure('Cannot find module /x/y'))).not.toBe(errorFingerprint(failure('Permission denied /x/y')));
  });

  it('ignore quoted prompts that grow every attempt, temp names, and anything past the head of a long error', () => {
    const spawn = (prompt: string) => `the worker could not start: Command failed: mycli -p '${prompt}' --output-format json`;
    expect(normaliseError(spawn('# relay task T1: build it\n## Previous attempts (1)'))).toBe(normaliseError(spawn('# relay task T1: build it\n## Previous attempts (2)\n### Attempt 1 — failure …')));
    expect(normaliseError('EEXIST: mkdir relay-tmp-Ab3xQz')).toBe(normaliseError('EEXIST: mkdir relay-tmp-Zz9kLm'));
    expect(normaliseError(`TypeError: x is undefined ${'at frame '.repeat(100)}one`)).toBe(normaliseError(`TypeError: x is undefined ${'at frame '.repeat(100)}two`));
    // A short quoted value is part of the error, not noise.
    expect(normaliseError('unknown option "--fast"')).not.toBe(normaliseError('unknown option "--slow"'));
  });

  it('normalise exactly as the full chain of replacements does, though each runs only where it can match', () => {
    // The chain as it was first written, every replacement on every text: fingerprints stored in ledgers depend on it.
    const chain = (text: string) => text
      .replace(/'[^']{24,}'|"[^"]{24,}"|`[^`]{24,}`/g, '<quoted>').toLowerCase()
      .replace(/\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:?\d{2})?/g, '<ts>').replace(/\b\d{1,2}:\d{2}(:\d{2})?\b/g, '<ts>')
      .replace(/(?:[a-z]:)?(?:[.~]{0,2}[\\/][\w.@+-]+)+[\\/]?/g, '<path>').replace(/\b[\w-]*(?:tmp|temp)[\w-]*\b/g, '<tmp>')
      .replace(/\b0x[0-9a-f]+\b/g, '<hex>').replace(/\b[0-9a-f]{7,}\b/g, '<hex>').replace(/\d+(\.\d+)?/g, '<n>')
      .replace(/\s+/g, ' ').trim().slice(0, 400);
    const pieces = ['a', 'B', 'f', 'E', '0', '7', '12', '2026-11-22T10:00:01Z', '10:05', ' ', '  ', '\t', '\n', '/', '\\', './', '~/', 'C:', '.', '-', '_', '@', '+', ':', "'", '"', '`', 'tmp', 'TEMP', 'x'.repeat(25), '0x1f', 'deadbeef', 'é', '\u00a0'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      expect(normaliseError(text)).toBe(chain(text));
    }), { numRuns: 3000 });
    for (const text of ['redis connection timeout in checkout', 'TypeError at /a/b.ts:10:5', "quoted 'abcdefghijklmnopqrstuvwxyz0' here", 'mkdir relay-TMP-1']) expect(normaliseError(text)).toBe(chain(text));
  });
});

describe('state machine properties', () => {
  const epic = epicOf({ T1: {}, T2: { depends_on: ['T1'] }, T3: {}, T4: { depends_on: ['T2', 'T3'] } });
  const ids = ['T1', 'T2', 'T3', 'T4'];
  const step = fc.oneof(
    fc.record({ kind: fc.constant('attempt' as const), task: fc.constantFrom(...ids), outcome: fc.constantFrom('success', 'interrupted', 'err-a', 'err-b', 'err-c', 'blocked') }),
    fc.record({ kind: fc.constant('gate' as const), task: fc.constantFrom(...ids) }),
    fc.record({ kind: fc.constant('ungate' as const), task: fc.constantFrom(...ids) }),
  );

  type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;
  function run(steps: Step[]): AttemptLedger[] {
    const history: AttemptLedger[] = [newLedger(epic, settings, NOW)];
    for (const s of steps) {
      const ledger = history.at(-1)!;
      try {
        if (s.kind === 'gate') history.push(gateTask(epic, ledger, s.task, 'user_blocked', 'x', NOW));
        else if (s.kind === 'ungate') history.push(ungateTask(epic, ledger, s.task, NOW));
        else {
          const receipt = s.outcome === 'success' ? success : s.outcome === 'interrupted' ? 'interrupted' : s.outcome === 'blocked' ? failure('b', { quality_gate_verdict: 'BLOCKED' }) : failure(s.outcome);
          history.push(attempt(epic, ledger, s.task, receipt));
        }
      } catch {
        // Illegal transitions (starting a blocked task, gating a completed one) are refused: state stays.
      }
    }
    return history;
  }

  it('never has a task both completed and gated', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
      for (const l of run(steps)) for (const id of ids) expect(l.task_status[id] === 'completed' && l.gated_tasks[id] !== undefined).toBe(false);
    }));
  });

  it('only ever grows the attempt history', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
      const history = run(steps);
      for (let i = 1; i < history.length; i++) {
        for (const id of ids) {
          const before = history[i - 1]!.attempts[id] ?? [];
          const after = history[i]!.attempts[id] ?? [];
          expect(after.length).toBeGreaterThanOrEqual(before.length);
          before.forEach((a, k) => { if (a.result !== 'in_progress') expect(after[k]).toEqual(a); });
        }
      }
    }));
  });

  it('gates deterministically: the same steps give the same ledger', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
      expect(run(steps).at(-1)).toEqual(run(steps).at(-1));
    }));
  });

  it('keeps blocked exactly when a dependency is unfinished', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
      const l = run(steps).at(-1)!;
      for (const id of ids) {
        if (l.task_status[id] === 'blocked') expect(epic.tasks[id]!.depends_on.some((d) => l.task_status[d] !== 'completed')).toBe(true);
        if (l.task_status[id] === 'pending') expect(epic.tasks[id]!.depends_on.every((d) => l.task_status[d] === 'completed')).toBe(true);
      }
    }));
  });
});
