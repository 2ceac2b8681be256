import { z } from 'zod';
import { AgentsFile, AttemptLedger, Epic, Receipt, WorkerReceipt } from './schemas.ts';

/** JSON Schemas generated from the zod schemas, so editors and workers validate the same shapes. */
export function jsonSchemas(): Record<string, unknown> {
  return {
    'epic.schema.json': z.toJSONSchema(Epic, { io: 'input' }),
    'attempt-ledger.schema.json': z.toJSONSchema(AttemptLedger, { io: 'input' }),
    'receipt.schema.json': z.toJSONSchema(Receipt, { io: 'input' }),
    'worker-receipt.schema.json': z.toJSONSchema(WorkerReceipt, { io: 'input' }),
    'agents-config.schema.json': z.toJSONSchema(AgentsFile, { io: 'input' }),
  };
}
