import { z } from 'zod';
import { retentionPeriods } from './officeSettings';
import { id } from './common';

/**
 * 卷宗 (issue [H], domain.md step 9 结案归档): the archived case file of a closed or refused case,
 * made by the core as one frozen PDF (stored in the vault with its SHA-256), remade as a new version
 * when a reopened case is closed again; every version is kept. The PDF is served at
 * `GET /files/dossiers/<id>.pdf`, with the session, as notice files are.
 */

const person = z.object({ id: z.number().int(), displayName: z.string() });

/** 保管期限 of a 卷宗: the 办公设置 archive section's values (one list, one default). */
export { DEFAULT_RETENTION, retentionPeriods, type RetentionPeriod } from './officeSettings';

export const dossierVersion = z.object({
  id: z.number().int(),
  version: z.number().int(),
  sha256: z.string(),
  size: z.number().int(),
  pages: z.number().int(),
  retention: z.enum(retentionPeriods),
  madeAt: z.string(),
  madeBy: person,
  fileName: z.string(),
});
export type DossierVersion = z.infer<typeof dossierVersion>;

export const dossierMake = {
  input: z.object({ caseId: id }),
  output: z.object({ id: z.number().int(), version: z.number().int(), sha256: z.string(), pages: z.number().int(), size: z.number().int(), fileName: z.string() }),
};

/** A case's 卷宗 versions (newest first), and whether the signed-in user may make one now (the core decides, and says why not). */
export const dossierList = {
  input: z.object({ caseId: id }),
  output: z.object({ versions: z.array(dossierVersion), canMake: z.boolean(), reason: z.string().nullable() }),
};

/** What `GET /files/dossiers/<id>.pdf` streams. */
export const dossierFile = {
  input: z.object({ id }),
  output: z.object({ id: z.number().int(), caseNo: z.string(), version: z.number().int(), fileName: z.string(), sha256: z.string(), size: z.number().int() }),
};
