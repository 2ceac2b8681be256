// The attempt flow and the review input as pure functions: every decision relay work makes
// from the facts of one attempt, in table form.
import { describe, expect, it } from 'vitest';
import { liveSettings } from '../../scripts/core/epic/settings.ts';
import { attemptEndEvents, concludeAttempt, runExitCode, shouldReview, shouldVerify, settledTask, type AttemptFacts } from '../../scripts/core/epic/attempt-flow.ts';
import { cutDiff, reviewPrompt } from '../../scripts/core/epic/review.ts';
import type { WorkerVerdict } from '../../scripts/core/epic/worker.ts';
import { Settings, type AttemptLedger, type Epic, type Receipt, type Task } from '../../scripts/core/shared/schemas.ts';

const settings = Settings.parse({ max_attempts_per_task: 3, review: { enabled: true, provider: 'command', command: './r.sh' } });
const task = { title: 'One', priority: 'p2', points: 1, files: ['a.txt'], depends_on: [], acceptance_criteria: [] } as unknown as Task;
const claim: Receipt = { status: 'success', summary: 'did it', files_changed: ['a.txt'], pattern_tags: [], quality_gate_findings: [] };
const worked: WorkerVerdict = { result: 'success', receipt: claim, session_id: 's1', total_cost_usd: 0.5, num_turns: 3, duration_ms: 1000 };
const broke: WorkerVerdict = { ...worked, result: 'failure', receipt: { ...claim, status: 'failure', error_category: 'code_error', error_summary: 'boom' } };
const git = { start_commit: 'a', end_commit: 'b', files_changed: ['a.txt'] };
const pass = { command: 'npm test', exitCode: 0, timedOut: false, output: '' };
const fail = { ...pass, exitCode: 1, output: '1 failing' };
const facts = (over: Partial<AttemptFacts>): AttemptFacts => ({ task, agent: 'claude', worker: worked, git, verify: [], review: null, interrupted: false, ...over });

describe('the attempt flow', () => {
  it.each([
    ['a success with nothing to check', facts({}), 'success', undefined, []],
    ['a success whose verify fails', facts({ verify: [fail] }), 'failure', 'test_failure', []],
    ['a success the reviewer blocks', facts({ verify: [pass], review: { verdict: 'BLOCKED', findings: ['unsafe'] } }), 'failure', 'quality_gate', []],
    ['a success the reviewer approves', facts({ verify: [pass], review: { verdict: 'APPROVED', findings: [] } }), 'success', undefined, []],
    ['a claimed success that changed none of its files', facts({ git: { ...git, files_changed: [] } }), 'success', undefined, ['claimed_success_without_changes']],
    ['a failure the worker reported', facts({ worker: broke }), 'failure', 'code_error', []],
    ['an interrupted success', facts({ interrupted: true }), 'interrupted', undefined, []],
  ] as const)('%s', (_name, input, result, category, flags) => {
    const outcome = concludeAttempt(input);
    expect(outcome.result).toBe(result);
    expect(outcome.receipt?.error_category).toBe(category);
    expect(outcome.flags).toEqual(flags);
    expect(outcome.total_cost_usd).toBe(0.5);
    if (result === 'interrupted') expect(outcome.receipt).toBeNull();
  });

  it.each([
    [worked, false, true],
    [worked, true, false],
    [broke, false, false],
  ] as const)('verifies only a claimed success (worker %#)', (worker, interrupted, expected) => {
    expect(shouldVerify(worker, interrupted)).toBe(expected);
  });

  it('redacts an error before cutting it to the event summary, so a secret across the cut leaves no fragment', () => {
    const token = `ghp_${'A1b2C3d4E5'.repeat(3)}123456`;
    // The event's prefix "T1 attempt 1: code_error: " is 26 characters: the token starts 10 before the cut at 500.
    const summary = `${'x'.repeat(457)} token ${token} after`;
    const outcome = concludeAttempt(facts({ worker: { ...broke, receipt: { ...broke.receipt!, error_summary: summary } } }));
    const error = attemptEndEvents('T1', 1, outcome, 'pending', undefined).find((e) => e.event === 'error')!;
    expect(error.summary).toMatch(/x token \S*REDACTED/);
    expect(error.summary).not.toContain(token.slice(0, 8));
  });

  it('reviews only when a reviewer is set and every verify passed', () => {
    expect(shouldReview(settings, [pass], false)).toBe(true);
    expect(shouldReview(settings, [pass, fail], false)).toBe(false);
    expect(shouldReview(settings, [], true)).toBe(false);
    expect(shouldReview({ ...settings, review: { enabled: true, provider: 'none' } }, [], false)).toBe(false);
  });

  it('takes .agents.yml as it is now over what the epic recorded, this run\'s flags over both, and says what changed', () => {
    const live = liveSettings(settings, { max_attempts_per_task: 5, review: { provider: 'none' } });
    expect(live.settings.max_attempts_per_task).toBe(5);
    expect(live.changes).toEqual(['max attempts 5 from .agents.yml (the epic recorded 3)', 'review off from .agents.yml (the epic recorded command (./r.sh))']);
    expect(liveSettings(settings, { max_attempts_per_task: 5 }, { maxAttempts: 7 }).settings.max_attempts_per_task).toBe(7);
    expect(liveSettings(settings, {}).changes).toEqual([]);
    expect(liveSettings(settings, {}).settings).toEqual(settings);
  });

  it('exits 1 only when something was gated', () => {
    expect(runExitCode([])).toBe(0);
    expect(runExitCode(['T1'])).toBe(1);
  });

  it('summarises a settled task from all its attempts', () => {
    const attempt = (id: number, cost: number, files: string[], learning?: string) => ({ id, started_at: '2026-01-01T00:00:00Z', ended_at: null, result: 'failure', receipt: { ...claim, ...(learning ? { learning } : {}) }, fingerprint: null, session_id: null, total_cost_usd: cost, num_turns: null, duration_ms: 60_000, git: { start_commit: null, end_commit: null, files_changed: files }, flags: [] });
    const ledger = { attempts: { T1: [attempt(1, 0.25, ['a.txt'], 'check the schema first'), attempt(2, 0.5, ['a.txt', 'b.txt'])] } } as unknown as AttemptLedger;
    expect(settledTask('e1', ledger, 'T1', 'completed', undefined)).toMatchObject({ attempts: 2, filesModified: ['a.txt', 'b.txt'], costUsd: 0.75, durationMinutes: 2, learning: 'check the schema first' });
  });
});

describe('the review diff budget', () => {
  const file = (name: string, lines: number) => `diff --git a/${name} b/${name}\nnew file mode 100644\n--- /dev/null\n+++ b/${name}\n${'+x\n'.repeat(lines)}`;

  it('keeps whole files in order and names the ones that did not fit', () => {
    const diff = file('a.txt', 5) + file('b.txt', 100) + file('c.txt', 1);
    const cut = cutDiff(diff, file('a.txt', 5).length + 10);
    expect(cut.text).toBe(file('a.txt', 5));
    expect(cut.omitted).toEqual(['b.txt', 'c.txt']);
  });

  it('leaves a diff within budget whole, and tells the reviewer when it was cut', () => {
    const diff = file('a.txt', 2);
    expect(cutDiff(diff, 10_000)).toEqual({ text: diff, omitted: [] });
    const epic = { version: 1, id: 'e', source: 'p.md', created_at: '2026-01-01T00:00:00Z', title: 'E', description: '', tasks: { T1: { title: 'One', priority: 'p2', points: 1, files: ['a.txt'], depends_on: [], acceptance_criteria: ['a.txt exists'] } } } as unknown as Epic;
    const prompt = reviewPrompt(epic, 'T1', { status: 'success', summary: 'did it', files_changed: [], pattern_tags: [], quality_gate_findings: [] }, { text: diff, omitted: ['big.bin'] }, [{ command: 'npm test', exitCode: 0, timedOut: false, output: '' }]);
    expect(prompt).toContain('- a.txt exists');
    expect(prompt).toContain('- `npm test`: passed');
    expect(prompt).toContain('Left out, 1 file(s): big.bin');
  });
});
