import { z } from 'zod';
import { casesSearch } from './cases';
import { statsPeriod } from './stats';

/** The register's filters, without paging: an export holds every matching case. */
export const exportFilters = casesSearch.input.omit({ page: true, pageSize: true, after: true });

const exportId = z.string().regex(/^[0-9a-f-]{36}$/, '导出编号无效');

export const exportsStart = {
  input: z.discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('register'), filters: exportFilters }),
      z.object({ kind: z.literal('stats'), period: statsPeriod }),
    ],
    { error: '请选择导出案件登记簿或统计报表' },
  ),
  output: z.object({ id: z.string() }),
};

export const exportState = z.object({
  id: z.string(),
  kind: z.enum(['register', 'stats']),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** Rows written so far. */
  done: z.number().int(),
  /** Rows to write, counted up to the search's cap; `more`: there are more than that. */
  total: z.number().int(),
  more: z.boolean(),
  /**
   * Written in the order of registration, newest first, not in the sort asked: sorted otherwise, a
   * text's list holds only its newest matches up to the search's cap (cases.search), and a file holds
   * every match.
   */
  registerOrder: z.boolean(),
  fileName: z.string(),
  /** Bytes of the finished file. */
  size: z.number().int().nullable(),
  /** Why it failed, in Chinese. */
  error: z.string().nullable(),
  /**
   * Written whole, and waiting for the start check to let writes through, so that who took the
   * cases is on the audit chain before the file is offered (exports/exportTasks.ts).
   */
  awaitingCheck: z.boolean(),
});
export type ExportState = z.infer<typeof exportState>;

export const exportsProgress = { input: z.object({ id: exportId }), output: exportState };
export const exportsCancel = { input: z.object({ id: exportId }), output: z.object({ ok: z.literal(true) }) };
/** The finished file, behind `GET /files/exports/<id>.xlsx`. */
export const exportsFile = { input: z.object({ id: exportId }), output: z.object({ id: z.string(), fileName: z.string(), size: z.number().int() }) };
