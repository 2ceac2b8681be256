/** relay's own blueprint: task headings with `- Field: value` bullets (docs/architecture.md). */
import { parseBlueprint } from '../blueprint.ts';
import type { PlanReader } from './reader.ts';

export const relayBlueprint: PlanReader = {
  name: 'blueprint',
  label: 'a relay blueprint',
  detect(text) {
    if (/^#{2,5}\s+[A-Z]{1,8}-?\d{1,6}[a-z]?\s*[:.)–—-]\s*\S/m.test(text)) return 0.8;
    if (/^##\s+(implementation\s+)?tasks\s*$/im.test(text) && /^#{3,5}\s+\S+\s*:/m.test(text)) return 0.7;
    return 0.05;
  },
  read: (text, file) => parseBlueprint(text, file),
};
