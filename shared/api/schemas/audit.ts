import { z } from 'zod';
import { empty } from './common';

export const auditHead = z.object({
  /** SHA-256 (hex) of the last row; 64 zeros while the log is empty. */
  hash: z.string(),
  rows: z.number().int(),
});

export const auditVerify = {
  input: empty,
  output: z.object({
    ok: z.boolean(),
    /** Rows that verified, from the first. */
    checked: z.number().int(),
    /** Id of the first row that does not fit the chain, when one does not. */
    firstBroken: z.number().int().optional(),
    /** The head as it stands, to be compared with one kept outside the database. */
    head: auditHead,
  }),
};
