/**
 * One example per published schema, for docs/reference/. The reference test checks each
 * against its zod schema and its JSON Schema, so an example that drifts from the format fails.
 */
import type { SchemaName } from '../shared/json-schemas.ts';

const receipt = {
  status: 'failure', summary: 'Added the password hash helper; one test fails', files_changed: ['src/password.js', 'test/password.test.js'], tests_passed: false,
  error_category: 'test_failure', error_summary: 'password.test.js:14 expected verify() to accept the hash it made', approach_taken: 'scrypt with a random 16-byte salt',
  suggestion: 'Store the salt with the hash; verify() re-derives with a fresh salt today', learning: 'scrypt hashes need their salt stored beside them, or verify() can never match',
  pattern_tags: ['auth', 'crypto'], quality_gate_findings: ['npm test -- password: 1 failing'],
};

export const EXAMPLES: Record<SchemaName, unknown> = {
  'epic': {
    version: 1, id: 'add-auth-20261202', source: 'plan.md', created_at: '2026-12-02T09:00:00.000Z', title: 'Add user authentication', description: 'Sign-up and sign-in with hashed passwords.',
    tasks: {
      T1: { title: 'Users table', priority: 'p1', points: 2, files: ['db/schema.sql'], depends_on: [], acceptance_criteria: ['email is unique, case-insensitive'], verify: ['npm test -- schema'] },
      T2: { title: 'Password hashing', priority: 'p1', points: 3, files: ['src/password.js'], depends_on: ['T1'], acceptance_criteria: ['uses scrypt', 'verify() accepts the hash hash() made'], source_line: 14 },
    },
  },
  'attempt-ledger': {
    version: 1, epic_id: 'add-auth-20261202', started_at: '2026-12-02T09:00:00.000Z',
    settings: { max_attempts_per_task: 3, timeout_minutes: 30, review: { enabled: true, provider: 'none' } },
    task_status: { T1: 'completed', T2: 'pending' },
    attempts: {
      T1: [{ id: 1, started_at: '2026-12-02T09:01:00.000Z', ended_at: '2026-12-02T09:04:10.000Z', result: 'success', receipt: { status: 'success', summary: 'Created the users table with a citext email', files_changed: ['db/schema.sql'], tests_passed: true, learning: 'citext makes the unique index on email case-insensitive', pattern_tags: ['db'], quality_gate_findings: [] }, fingerprint: null, session_id: 'b1c9e0d2-5a1f-4f6e-9d41-0c2a7e9b3f10', total_cost_usd: 0.21, num_turns: 7, duration_ms: 190000, git: { start_commit: '4e1f0c9a2b7d3e8f5a6b1c0d9e2f3a4b5c6d7e8f', end_commit: '4e1f0c9a2b7d3e8f5a6b1c0d9e2f3a4b5c6d7e8f', files_changed: ['db/schema.sql'] }, flags: [], recalled: [] }],
      T2: [{ id: 1, started_at: '2026-12-02T09:05:00.000Z', ended_at: '2026-12-02T09:11:30.000Z', result: 'failure', receipt, fingerprint: 'test_failure:5d1c7a22', session_id: '0f6a2c1e-7b3d-4e5f-8a9b-1c2d3e4f5a6b', total_cost_usd: 0.34, num_turns: 11, duration_ms: 390000, git: { start_commit: '4e1f0c9a2b7d3e8f5a6b1c0d9e2f3a4b5c6d7e8f', end_commit: '4e1f0c9a2b7d3e8f5a6b1c0d9e2f3a4b5c6d7e8f', files_changed: ['src/password.js', 'test/password.test.js'] }, flags: [], recalled: ['kb:docs/ops-knowledge/issues/auth/ops-learning-2026-11-20-10-00-00-issue-salt.md'] }],
    },
    gated_tasks: {}, streak_start: {}, promoted_learnings: [],
  },
  'receipt': receipt,
  'worker-receipt': { status: 'success', summary: 'Stored the salt with the hash; verify() re-derives with it', files_changed: ['src/password.js'], tests_passed: true, learning: 'scrypt hashes need their salt stored beside them, or verify() can never match', pattern_tags: ['auth'] },
  'agents-config': { relay: { max_attempts_per_task: 3, timeout_minutes: 45, review: { enabled: true, provider: 'command', command: './scripts/review.sh' }, allowed_tools: ['Bash(npm test:*)'], recall: { limit: 3 }, learnings: { budget_chars: 4000 } } },
  'event-line': { id: '7c1d9e2a-3b4f-4c5d-8e6f-a7b8c9d0e1f2', timestamp: '2026-12-02T09:06:12.431Z', agent: 'relay-worker', event: 'tool_use', task_id: 'T2', session_id: '0f6a2c1e-7b3d-4e5f-8a9b-1c2d3e4f5a6b', source: 'hook:PostToolUse', summary: 'Bash npm test -- password (exit 1)', data: { tool: 'Bash', command: 'npm test -- password', exit_code: 1, interrupted: false, ok: false, duration_ms: 2310 } },
  'agent-status': { agent: 'relay-worker', state: 'busy', updated_at: '2026-12-02T09:06:12.431Z', current_task: 'T2', attempt: 1, session_id: '0f6a2c1e-7b3d-4e5f-8a9b-1c2d3e4f5a6b', last_event: { id: '7c1d9e2a-3b4f-4c5d-8e6f-a7b8c9d0e1f2', event: 'tool_use', summary: 'Bash npm test -- password (exit 1)', timestamp: '2026-12-02T09:06:12.431Z' } },
  'episodic-record': {
    timestamp: '2026-12-02T10:40:00Z', type: 'incident', task_id: 'signup-500s-20261202', summary: 'Sign-up returned 500 for emails with capitals', severity: 'high', status: 'resolved',
    root_cause: 'the unique index compared emails case-sensitively, so the duplicate check and the insert disagreed', fix: 'made email citext and re-created the index', verification: 'signup.test.js covers mixed-case duplicates',
    lesson_learned: { context: 'sign-up', what_went_wrong: 'a case-sensitive unique index on email', what_we_learned: 'Compare emails case-insensitively in the index itself (citext), not only in application code', action_items: ['audit other unique text columns'] },
    duration_minutes: 35, files_modified: ['db/schema.sql'],
  },
  'ledger-index': { version: 1, archives: [{ file: 'archive/ledger-2026-Q3.jsonl', quarter: '2026-Q3', from: '2026-07-02T08:00:00.000Z', to: '2026-09-29T17:30:00.000Z', count: 412 }] },
  // What the demo's `relay status --json` printed after T5 joined the epic (two of its five tasks shown).
  'status-report': {"schema":"relay.status/v1","epic":{"id":"add-user-authentication-20261202","title":"Add user authentication","source":"plan.md"},"progress":{"done":4,"total":5,"points_done":10,"points_total":12,"percent":80},"counts":{"pending":1,"in_progress":0,"completed":4,"blocked":0,"gated":0},"next_ready":"T5","tasks":[{"id":"T2","title":"Password hashing helper","status":"completed","priority":"p1","points":3,"attempts":2,"last_result":"success","last_error":"TypeError: scryptSync is not a function at src/password.js:2","gate":null,"blocked_by":null,"cost_usd":0.04201,"running_s":null},{"id":"T5","title":"Password reset email","status":"pending","priority":"p2","points":2,"attempts":0,"last_result":null,"last_error":null,"gate":null,"blocked_by":null,"cost_usd":0,"running_s":null}],"gated":[],"cost_usd":0.11977,"run":null,"died":null,"agents":[{"agent":"relay-worker","state":"idle","current_task":"T4","last_seen":"2026-12-02T06:46:42.118Z","age_s":54,"stale":false}]},
  'dashboard-events': { total: 2, offset: 0, limit: 100, agents: ['relay-worker'], events: [{ id: '7c1d9e2a-3b4f-4c5d-8e6f-a7b8c9d0e1f2', timestamp: '2026-12-02T09:06:12.431Z', agent: 'relay-worker', event: 'tool_use', task_id: 'T2', source: 'hook:PostToolUse', summary: 'Bash npm test -- password (exit 1)', data: { tool: 'Bash', kind: 'shell', exit_code: 1 } }, { id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', timestamp: '2026-12-02T09:05:00.120Z', agent: 'relay-worker', event: 'session_start', task_id: 'T2', source: 'hook:SessionStart', summary: 'session started (startup)', data: { source: 'startup' } }] },
  'dashboard-attempts': { task: 'T1', title: 'Users table', status: 'completed', attempts: [{ id: 1, started_at: '2026-12-02T09:01:00.000Z', ended_at: '2026-12-02T09:04:10.000Z', result: 'success', receipt: { status: 'success', summary: 'Created the users table with a citext email', files_changed: ['db/schema.sql'], pattern_tags: ['db'], quality_gate_findings: [] }, fingerprint: null, session_id: 'b1c9e0d2-5a1f-4f6e-9d41-0c2a7e9b3f10', total_cost_usd: 0.21, num_turns: 7, agent: 'claude', tokens: { input: 48210, output: 3120, cached: 40100 }, duration_ms: 190000, git: { start_commit: '4e1f0c9a2b7d3e8f5a6b1c0d9e2f3a4b5c6d7e8f', end_commit: '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b', files_changed: ['db/schema.sql'] }, flags: [], recalled: [] }] },
  'kb-frontmatter': { title: 'Sign-up 500s on mixed-case emails', category: 'issue', severity: 'high', date: '2026-12-02T10:40:00Z', services: ['api'], tags: ['auth', 'postgres'] },
};
