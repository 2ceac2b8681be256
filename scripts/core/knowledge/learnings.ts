/**
 * Compound learning: receipts' `learning` + `pattern_tags`, consolidated and promoted into
 * AGENTS.md's "## Key Learnings" by how often they recur (the seed's thresholds: 1× skip,
 * 2× emerging, 3× recommend, 4+× strong). Pure: text in, text out.
 *
 * Each promoted lesson carries its recurrence count and last-seen date in a trailer that
 * this module parses back, so counts keep growing across runs. The section has a size
 * budget; when it overflows, the least-recurring lessons move to a knowledge-base file.
 */
import { normaliseError } from '../epic/attempts.ts';
import { lessonProblem } from './lesson-gate.ts';
import { redact } from '../shared/redact.ts';
import { stem } from './stem.ts';
import type { AttemptLedger } from '../shared/schemas.ts';

export type LearningLevel = 'skip' | 'emerging' | 'recommend' | 'strong';

export function levelFor(count: number): LearningLevel {
  if (count >= 4) return 'strong';
  if (count === 3) return 'recommend';
  return count === 2 ? 'emerging' : 'skip';
}

/** One receipt's learning. `ref` (`T3#2`) names the attempt, so promotion can mark it consumed. */
export interface LearningOccurrence {
  ref: string;
  text: string;
  tags: string[];
  seenAt: string;
}

export interface Lesson {
  text: string;
  tags: string[];
  count: number;
  /** YYYY-MM-DD */
  lastSeen: string;
  /** Receipts folded into this lesson by the current run. */
  refs: string[];
  /** For a lesson in AGENTS.md: each promotion or reinforcement the provenance file records, with its receipts. */
  provenance?: string[];
}

const MAX_LESSON_CHARS = 300;

/** A worker learning the vague-lesson gate held back: the receipt keeps it, the count ignores it. */
export interface HeldBack {
  ref: string;
  text: string;
  reason: string;
}

function receiptLearnings(ledger: AttemptLedger): Array<LearningOccurrence & { problem: string | null }> {
  const used = new Set(ledger.promoted_learnings);
  return Object.entries(ledger.attempts).flatMap(([taskId, attempts]) =>
    attempts.flatMap((a) => {
      const ref = `${taskId}#${a.id}`;
      const text = a.receipt?.learning?.replace(/\s+/g, ' ').trim();
      if (!text || used.has(ref)) return [];
      return [{ ref, text, tags: a.receipt!.pattern_tags, seenAt: a.ended_at ?? a.started_at, problem: lessonProblem(text) }];
    }),
  );
}

/**
 * Learnings not yet folded into AGENTS.md (`promoted_learnings` holds the refs already used) that
 * pass the same gate as `relay ledger add`: "X follows the plan's acceptance criteria" is not a lesson.
 */
export function learningOccurrences(ledger: AttemptLedger): LearningOccurrence[] {
  return receiptLearnings(ledger).filter((o) => o.problem === null).map(({ problem: _p, ...o }) => o);
}

export function heldBackLearnings(ledger: AttemptLedger): HeldBack[] {
  return receiptLearnings(ledger).flatMap((o) => (o.problem === null ? [] : [{ ref: o.ref, text: redact(o.text), reason: o.problem }]));
}

// ---------------------------------------------------------------------------------------------
// Consolidation: normalised text plus tag overlap

const STOPWORDS = new Set('a after an and are as at be before by for from has have in into is it its of on only or so that the their then this to was were when with'.split(' '));

/** Content words of a lesson, blind to numbers, paths, ids, case, punctuation and word endings. */
export function learningTokens(text: string): string[] {
  return normaliseError(text)
    .split(/[^a-z0-9<>]+/)
    .filter((w) => w.length > 1 && !w.includes('<') && !STOPWORDS.has(w))
    .map(stem);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union ? shared / union : 0;
}

/**
 * What a lesson is about: files and paths, code names (`backticked`, camelCase, snake_case),
 * error names and standalone numbers. Two lessons about different subjects are different lessons,
 * however alike their wording.
 */
export function lessonSubjects(text: string): string[] {
  const found = new Set<string>();
  const add = (s: string) => found.add(s.toLowerCase());
  for (const m of text.matchAll(/`([^`]+)`/g)) add(m[1]!);
  for (const m of text.matchAll(/(?:[\w.-]+\/)+[\w.-]+|\b[\w-]+\.[a-z][a-z0-9]{0,4}\b/gi)) add(m[0]);
  for (const m of text.matchAll(/\b\w*(?:Error|Exception)\b|\bE[A-Z]{3,}\b/g)) add(m[0]);
  for (const m of text.matchAll(/\b[a-z]+[A-Z]\w*\b|\b[A-Za-z0-9]+_[A-Za-z0-9_]+\b/g)) add(m[0]);
  for (const m of text.matchAll(/(?<![\w.])\d+(?:\.\d+)?(?![\w.])/g)) add(m[0]);
  return [...found].sort();
}

/**
 * Same lesson, the conservative way (no model consulted): the same subjects, and near-identical
 * wording once stop words and word endings are dropped. A missed merge costs a lesson one count;
 * a wrong one promotes a "strong" lesson nobody learned, so precision wins.
 */
export function sameLesson(a: { text: string }, b: { text: string }): boolean {
  if (lessonSubjects(a.text).join('\n') !== lessonSubjects(b.text).join('\n')) return false;
  return jaccard(new Set(learningTokens(a.text)), new Set(learningTokens(b.text))) >= 0.8;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

/** Groups occurrences into lessons, most recurring first (ties: most recent). */
export function clusterLearnings(occurrences: LearningOccurrence[]): Lesson[] {
  const lessons: Lesson[] = [];
  for (const o of [...occurrences].sort((x, y) => x.seenAt.localeCompare(y.seenAt))) {
    const text = redact(o.text).slice(0, MAX_LESSON_CHARS);
    const match = lessons.find((l) => sameLesson(l, o));
    if (match) {
      match.count++;
      match.lastSeen = day(o.seenAt) > match.lastSeen ? day(o.seenAt) : match.lastSeen;
      match.tags = [...new Set([...match.tags, ...o.tags.map(redact)])];
      match.refs.push(o.ref);
    } else {
      lessons.push({ text, tags: [...new Set(o.tags.map(redact))], count: 1, lastSeen: day(o.seenAt), refs: [o.ref] });
    }
  }
  return lessons.sort(byRecurrence);
}

function byRecurrence(a: Lesson, b: Lesson): number {
  return b.count - a.count || b.lastSeen.localeCompare(a.lastSeen);
}

// ---------------------------------------------------------------------------------------------
// The lesson line: "- text _(strong: seen 4 times, last seen 2026-05-01; tags: db, tests)_"

const LESSON_LINE = /^- (.+?) _\((?:skip|emerging|recommend|strong): seen (\d+) times?, last seen (\d{4}-\d{2}-\d{2})(?:; tags: ([^)]*))?\)_\s*$/;

export function renderLesson(l: Lesson): string {
  const tags = l.tags.length ? `; tags: ${l.tags.map((t) => t.replace(/[(),;]/g, ' ').trim()).join(', ')}` : '';
  return `- ${l.text} _(${levelFor(l.count)}: seen ${l.count} time${l.count === 1 ? '' : 's'}, last seen ${l.lastSeen}${tags})_`;
}

export function parseLesson(line: string): Lesson | null {
  const m = LESSON_LINE.exec(line.replace(/\r$/, ''));
  if (!m) return null;
  return { text: m[1]!, count: Number(m[2]), lastSeen: m[3]!, tags: m[4] ? m[4].split(',').map((t) => t.trim()).filter(Boolean) : [], refs: [] };
}

function merge(into: Lesson, from: Lesson): Lesson {
  return {
    text: into.text,
    tags: [...new Set([...into.tags, ...from.tags])],
    count: into.count + from.count,
    lastSeen: from.lastSeen > into.lastSeen ? from.lastSeen : into.lastSeen,
    refs: [...into.refs, ...from.refs],
  };
}

// ---------------------------------------------------------------------------------------------
// The AGENTS.md section

const KEY_LEARNINGS_HEADING = '## Key Learnings';
const HEADING = /^##\s+Key Learnings\s*#*\s*$/i;
const INTRO = '<!-- Maintained by `relay learnings promote`: lessons that recurred in relay receipts (recommend: seen 3 times, strong: 4 or more). When this section outgrows its budget, the least-recurring move to docs/ops-knowledge/learnings/key-learnings-archive.md. -->';

interface SplitDoc {
  lines: string[];
  /** Line indexes of the section: [start, end), start being the heading; null when absent. */
  range: [number, number] | null;
  eol: string;
}

/** Finds the first "## Key Learnings" outside code fences; it runs to the next level-1 or -2 heading. */
function splitDoc(doc: string): SplitDoc {
  const lines = doc.split('\n');
  const eol = doc.includes('\r\n') ? '\r\n' : '\n';
  let fenced = false;
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    if (start < 0 && HEADING.test(line)) start = i;
    else if (start >= 0 && /^#{1,2}\s/.test(line)) return { lines, range: [start, i], eol };
  }
  return { lines, range: start < 0 ? null : [start, lines.length], eol };
}

/** The document with relay's Key Learnings section taken out: what a person wrote, for review diffs. */
export function withoutKeyLearnings(doc: string): string {
  const split = splitDoc(doc);
  if (!split.range) return doc;
  const [start, end] = split.range;
  return [...split.lines.slice(0, start), ...split.lines.slice(end)].join('\n');
}

export interface KeyLearnings {
  /** Lines a person wrote into the section; kept verbatim, never demoted. */
  manual: string[];
  lessons: Lesson[];
}

export function readKeyLearnings(doc: string | null): KeyLearnings {
  const split = splitDoc(doc ?? '');
  if (!split.range) return { manual: [], lessons: [] };
  const manual: string[] = [];
  const lessons: Lesson[] = [];
  for (const line of split.lines.slice(split.range[0] + 1, split.range[1])) {
    const lesson = parseLesson(line);
    if (lesson) lessons.push(lesson);
    else if (line.replace(/\r$/, '') !== INTRO) manual.push(line.replace(/\r$/, ''));
  }
  while (manual.length && !manual[0]!.trim()) manual.shift();
  while (manual.length && !manual.at(-1)!.trim()) manual.pop();
  return { manual, lessons };
}

/** The section's lines (heading excluded) with 1-based line numbers, for recall's file:line links. */
export function keyLearningsLines(doc: string): Array<{ line: number; text: string }> {
  const split = splitDoc(doc);
  if (!split.range) return [];
  return split.lines.slice(split.range[0] + 1, split.range[1]).map((text, i) => ({ line: split.range![0] + 2 + i, text: text.replace(/\r$/, '') }));
}

function renderSection(section: KeyLearnings): string[] {
  const lessons = [...section.lessons].sort(byRecurrence).map(renderLesson);
  return [KEY_LEARNINGS_HEADING, '', INTRO, '', ...(section.manual.length ? [...section.manual, ''] : []), ...lessons];
}

/** The document with only the Key Learnings section replaced (or appended); every other byte stays. */
export function replaceKeyLearnings(doc: string | null, section: KeyLearnings): string {
  const split = splitDoc(doc ?? '');
  const eol = split.eol;
  const rendered = renderSection(section).map((l) => (eol === '\r\n' ? `${l}\r` : l));
  if (!split.range) {
    const base = doc ?? '';
    const sep = !base ? '' : base.endsWith(`${eol}${eol}`) ? '' : base.endsWith(eol) ? eol : `${eol}${eol}`;
    return `${base}${sep}${rendered.join('\n')}${eol}`;
  }
  const [start, end] = split.range;
  const after = split.lines.slice(end);
  // The section keeps one blank line before whatever heading followed it.
  const tail = after.length ? [eol === '\r\n' ? '\r' : '', ...after] : [''];
  return [...split.lines.slice(0, start), ...rendered, ...tail].join('\n');
}

function sectionChars(section: KeyLearnings): number {
  return renderSection(section).join('\n').length;
}

// ---------------------------------------------------------------------------------------------
// Promotion

const BULLET = /^\s*[-*]\s+/;

export interface PromotionPlan {
  section: KeyLearnings;
  promoted: Lesson[];
  reinforced: Lesson[];
  demoted: Lesson[];
  emerging: Lesson[];
  skipped: number;
  /** Refs of the receipts now counted in AGENTS.md, to record in `promoted_learnings`. */
  consumed: string[];
}

/**
 * Folds new occurrences into the current section: a lesson already there is reinforced
 * (count and last-seen date updated); a new one enters at 3 occurrences. Then the
 * least-recurring lessons are demoted until the section fits `budgetChars`.
 */
/**
 * `judged`, when the worker agent consolidated the learnings, replaces the rules' clustering; its
 * noise (too specific, vague) is consumed without a count.
 */
export function planPromotion(current: KeyLearnings, occurrences: LearningOccurrence[], budgetChars: number, judged?: { clusters: Lesson[]; noise: string[] }): PromotionPlan {
  const lessons = current.lessons.map((l) => ({ ...l, refs: [] as string[] }));
  const manual = [...current.manual];
  const plan: PromotionPlan = { section: current, promoted: [], reinforced: [], demoted: [], emerging: [], skipped: 0, consumed: [...(judged?.noise ?? [])] };
  for (const cluster of judged?.clusters ?? clusterLearnings(occurrences)) {
    const index = lessons.findIndex((l) => sameLesson(l, cluster));
    if (index >= 0) {
      lessons[index] = merge(lessons[index]!, cluster);
      plan.consumed.push(...cluster.refs);
      continue;
    }
    const level = levelFor(cluster.count);
    if (level === 'recommend' || level === 'strong') {
      // A person may have written the lesson in already: adopt their line (their words, now with a count) rather than add a duplicate.
      const adopted = manual.findIndex((line) => BULLET.test(line) && sameLesson({ text: line.replace(BULLET, '') }, cluster));
      lessons.push(adopted < 0 ? cluster : { ...cluster, text: manual.splice(adopted, 1)[0]!.replace(BULLET, '').trim() });
      plan.consumed.push(...cluster.refs);
    } else if (level === 'emerging') plan.emerging.push(cluster);
    else plan.skipped++;
  }
  let section: KeyLearnings = { manual, lessons: lessons.sort(byRecurrence) };
  while (sectionChars(section) > budgetChars && section.lessons.length) {
    // byRecurrence puts the least-recurring, least-recent lesson last.
    plan.demoted.push(section.lessons.at(-1)!);
    section = { ...section, lessons: section.lessons.slice(0, -1) };
  }
  const isNew = (l: Lesson) => !current.lessons.some((c) => c.text === l.text);
  plan.section = section;
  plan.promoted = section.lessons.filter((l) => l.refs.length && isNew(l));
  plan.reinforced = section.lessons.filter((l) => l.refs.length && !isNew(l));
  return plan;
}

// ---------------------------------------------------------------------------------------------
// The knowledge-base archive for demoted lessons

const ARCHIVE_HEADER = [
  '# Key learnings archive',
  '',
  '<!-- `relay learnings promote` moves the least-recurring lessons here when the Key Learnings section of AGENTS.md outgrows its budget. Nothing here is deleted; a lesson demoted twice has its counts added up. -->',
  '',
];

/** Adds demoted lessons to the archive: a lesson already there is merged in place, others appended. */
export function archiveLessons(archive: string | null, demoted: Lesson[]): string {
  const lines = archive ? archive.replace(/\n$/, '').split('\n') : [...ARCHIVE_HEADER];
  for (const lesson of demoted) {
    const at = lines.findIndex((line) => {
      const existing = parseLesson(line);
      return existing !== null && sameLesson(existing, lesson);
    });
    if (at >= 0) lines[at] = renderLesson(merge(parseLesson(lines[at]!)!, lesson));
    else lines.push(renderLesson(lesson));
  }
  return `${lines.join('\n')}\n`;
}

/** Lessons in AGENTS.md not seen for `staleDays` (relative to `today`, YYYY-MM-DD). */
export function staleLessons(lessons: Lesson[], today: string, staleDays: number): Lesson[] {
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - staleDays * 86_400_000).toISOString().slice(0, 10);
  return lessons.filter((l) => l.lastSeen < cutoff);
}

export interface LearningsOverview {
  /** Seen twice, not in AGENTS.md yet: one more sighting promotes them. */
  emerging: Lesson[];
  /** Seen 3+ times, waiting for `relay learnings promote`. */
  ready: Lesson[];
  /** In AGENTS.md but not seen for `staleDays`: candidates to revisit or remove by hand. */
  stale: Lesson[];
  promoted: Lesson[];
  /** Worker learnings the vague-lesson gate kept out of the count, with why. */
  held_back: HeldBack[];
}

export function learningsOverview(current: KeyLearnings, occurrences: LearningOccurrence[], today: string, staleDays: number, heldBack: HeldBack[] = []): LearningsOverview {
  const fresh = clusterLearnings(occurrences).filter((c) => !current.lessons.some((l) => sameLesson(l, c)));
  return {
    emerging: fresh.filter((c) => levelFor(c.count) === 'emerging'),
    ready: fresh.filter((c) => c.count >= 3),
    stale: staleLessons(current.lessons, today, staleDays),
    promoted: current.lessons,
    held_back: heldBack,
  };
}

// ---------------------------------------------------------------------------------------------
// Provenance: which receipts each promoted lesson came from, kept beside AGENTS.md, not in it

const PROVENANCE_HEADER = [
  '# Key learnings provenance',
  '',
  '<!-- `relay learnings promote` appends one section per promotion: the receipts (task#attempt in the named epic\'s attempt ledger) behind each lesson it added to or reinforced in AGENTS.md. Find a lesson by its words. -->',
  '',
];

const quoted = (text: string) => `"${text.length > 120 ? `${text.slice(0, 119)}…` : text}"`;

/** One promotion's section; `at` is an ISO time (to the second, so two promotions never share a heading). */
export function provenanceSection(epicId: string, at: string, judgedBy: 'agent' | 'rules', promoted: Lesson[], reinforced: Lesson[]): string {
  const line = (verb: string, l: Lesson) => `- ${verb} ${quoted(l.text)} (seen ${l.count} time${l.count === 1 ? '' : 's'}) ← ${l.refs.join(', ')}`;
  return [
    `## ${at.slice(0, 19).replace('T', ' ')} UTC · epic ${epicId} · grouped by ${judgedBy === 'agent' ? 'the worker agent' : "relay's rules"}`,
    '',
    ...promoted.map((l) => line('promoted', l)),
    ...reinforced.map((l) => line('reinforced', l)),
    '',
  ].join('\n');
}

/** What the provenance file says of `lesson`: "<when> · epic <id> · …: promoted ← T2#1, T3#2", one per time it counted. */
export function provenanceOf(text: string, lesson: string): string[] {
  const wanted = quoted(lesson);
  const out: string[] = [];
  let heading = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) heading = line.slice(3).trim();
    const entry = /^- (promoted|reinforced) (".*") \(seen \d+ times?\) ← (.*)$/.exec(line);
    if (entry && entry[2] === wanted) out.push(`${heading}: ${entry[1]} ← ${entry[3]}`);
  }
  return out;
}

export function appendProvenance(current: string | null, section: string): string {
  const base = current ?? `${PROVENANCE_HEADER.join('\n')}\n`;
  return `${base}${base.endsWith('\n\n') ? '' : '\n'}${section}`;
}

