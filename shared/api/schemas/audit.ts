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

/**
 * The office key's recovery code, for moving the register to a new PC (README "Office key"):
 * shown to an administrator who types their password again; each showing is in the audit log.
 */
export const officeKeyRecoveryCode = {
  input: z.object({ password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(128, '密码过长') }),
  output: z.object({ code: z.string(), keyId: z.string() }),
};
