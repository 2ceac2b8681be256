/**
 * NOTES.md (and its yearly archives) across branches: one section per episodic record, keyed
 * by its heading (time · type · task id, unique per record), never merged line by line, where
 * two records' common lines ("### Summary") would interleave them. A record either side
 * archived away is dropped; the rest stay in time order, so any merge order gives one result.
 */
const RECORD_HEADING = /^## .+ · .+ · .+$/;

interface SplitNotes {
  head: string;
  sections: Map<string, string>;
}

function splitNotes(text: string): SplitNotes {
  const lines = text.split('\n');
  const sections = new Map<string, string>();
  let head: string[] = [];
  let heading: string | null = null;
  let body: string[] = [];
  const close = () => {
    if (heading !== null) sections.set(heading, body.join('\n'));
  };
  for (const line of lines) {
    if (RECORD_HEADING.test(line.replace(/\r$/, ''))) {
      close();
      heading = line;
      body = [line];
    } else if (heading === null) head.push(line);
    else body.push(line);
  }
  close();
  if (heading === null) head = lines;
  return { head: head.join('\n'), sections };
}

/** "## 2026-01-05 10:30 UTC · incident · id" → "2026-01-05 10:30 UTC" */
const sectionTime = (heading: string) => heading.slice(3).split(' · ')[0]!;

const withNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

export function mergeNotes(base: string, ours: string, theirs: string): string {
  if (ours === theirs || base === theirs) return ours;
  if (base === ours) return theirs;
  const [b, o, t] = [splitNotes(base), splitNotes(ours), splitNotes(theirs)];
  const archived = (key: string) => b.sections.has(key) && !(o.sections.has(key) && t.sections.has(key));
  const keys = [...new Set([...o.sections.keys(), ...t.sections.keys()])].filter((k) => !archived(k));
  keys.sort((x, y) => sectionTime(x).localeCompare(sectionTime(y)) || x.localeCompare(y));
  const head = o.head === b.head ? t.head : o.head;
  const body = keys.map((k) => withNewline(o.sections.get(k) ?? t.sections.get(k)!));
  // Sections are separated by the blank line each one ends with; the last keeps the file's end.
  return [withNewline(head), ...body].join('').replace(/\n*$/, '\n');
}
