import { DomainError } from '../../../shared/api/errors';
import type { UserView } from '../../../shared/api/schemas/common';
import {
  RESPONDENT_CASES_PER_REQUEST,
  RESPONDENT_COUNT_CAP,
  type RespondentListRow,
  type RespondentMergeInput,
  type RespondentSortKey,
  type RespondentUpdateInput,
} from '../../../shared/api/schemas/respondents';
import type { Db } from '../db/open';
import type { OfficeClock } from '../officeClock';
import type { CaseStore } from '../store';
import type { RespondentCountsRow, RespondentRow, RespondentStore } from '../store/respondents';
import type { Audit } from './audit';

export type { RespondentRow } from '../store/respondents';

export interface NewRespondent { name: string; creditCode?: string; address?: string; contactPerson?: string; phone?: string }

export const toRespondentView = (r: RespondentRow) => ({
  id: r.id,
  name: r.name,
  creditCode: r.credit_code,
  address: r.address,
  contactPerson: r.contact_person,
  phone: r.phone,
});

const toListRow = (r: RespondentCountsRow): RespondentListRow => ({
  ...toRespondentView(r),
  cases: r.cases ?? 0,
  openCases: r.open_cases ?? 0,
  repeats: r.repeats ?? 0,
  lastReceivedOn: r.last_received_on ?? null,
});

/**
 * Respondents are reused across cases (domain.md "Register"), so statistics can count per business.
 * A row merged into another stands for it: whatever names the merged row (its id, exact name or
 * credit code) links to the row it went into.
 */
export function createRespondents(store: RespondentStore) {
  const current = (row: RespondentRow | undefined): RespondentRow | undefined => (row?.merged_into ? store.byId(row.merged_into) : row);

  /** The row a typed business would be linked to at registration, if there is one (the rule of `resolve`). */
  const find = (r: { name: string; creditCode?: string }): RespondentRow | undefined => {
    const code = r.creditCode?.toUpperCase();
    return current(code ? store.byCode(code) : store.byName(r.name));
  };

  return {
    find,
    get(id: number): RespondentRow {
      const row = current(store.byId(id));
      if (!row) throw new DomainError('VALIDATION', '所选的被投诉方不存在，请重新选择', { 'respondent.id': '被投诉方不存在' });
      return row;
    },
    /**
     * The same business is one row: matched by its credit code, else by its exact name. An existing
     * row is linked as it is; details typed for it now are kept on the case's event, not written over it.
     */
    resolve(r: NewRespondent, at: string): { row: RespondentRow; created: boolean } {
      const existing = find(r);
      if (existing) return { row: existing, created: false };
      const id = store.insert(
        { name: r.name, creditCode: r.creditCode?.toUpperCase() ?? null, address: r.address ?? null, contactPerson: r.contactPerson ?? null, phone: r.phone ?? null },
        at,
      );
      return { row: store.byId(id)!, created: true };
    },
    /** The registration's look-up as the clerk types: merged rows left out, the busiest first, by the maintained counts. */
    search(text: string, limit: number) {
      return store.lookup(text, limit).map((r) => ({ ...toRespondentView(r), caseCount: r.cases ?? 0 }));
    },
  };
}
export type Respondents = ReturnType<typeof createRespondents>;

export interface RespondentRegisterDeps {
  db: Db;
  clock: OfficeClock;
  audit: Audit;
  store: Pick<CaseStore, 'respondents'> & { write: Pick<CaseStore['write'], 'event' | 'reindex' | 'recountPeers'> };
}

const MERGED_AWAY = (into: RespondentRow | undefined) => `该被投诉方已合并到“${into?.name ?? '另一条记录'}”，请打开合并后的记录`;

/**
 * The 被投诉方 register (issue [B] "Respondents as a register of their own"): the list with its counts,
 * one business with its details, an edit of them, and the merge of two rows that are one business.
 *
 * Cost per request: the list reads a page of respondent_stats (counts kept by the store with each
 * case's statistics) and never counts cases. An edit of what search finds a case by (name, credit
 * code, phone, contact person) re-indexes the business's cases, and a merge moves them, each in one
 * transaction with the audit row; both are bounded at RESPONDENT_CASES_PER_REQUEST cases (about a
 * second of work, measured in the README) and refuse a bigger business with a message rather than
 * hold the register for tens of seconds.
 */
export function createRespondentRegister({ db, clock, audit, store }: RespondentRegisterDeps) {
  const rows = store.respondents;

  function load(id: number, label = '被投诉方'): RespondentRow {
    const row = rows.byId(id);
    if (!row) throw new DomainError('NOT_FOUND', `未找到编号为 ${id} 的${label}`);
    return row;
  }

  function tooMany(what: string): never {
    throw new DomainError(
      'VALIDATION',
      `该被投诉方的案件超过 ${RESPONDENT_CASES_PER_REQUEST} 件，无法在一次操作中${what}；请联系系统维护人员分批处理。本次未作任何改动`,
    );
  }

  /** Re-indexes the business's cases (their search tokens carry its name, credit code, phone and contact person). */
  function reindexCases(respondentId: number): number {
    if (rows.caseCount(respondentId, RESPONDENT_CASES_PER_REQUEST) > RESPONDENT_CASES_PER_REQUEST) tooMany('更新案件检索');
    const ids = rows.caseIds(respondentId, RESPONDENT_CASES_PER_REQUEST);
    for (const caseId of ids) store.write.reindex(caseId);
    return ids.length;
  }

  const details = (r: RespondentRow) => ({ id: r.id, name: r.name, creditCode: r.credit_code, address: r.address, contactPerson: r.contact_person, phone: r.phone });

  return {
    list(input: { text?: string | undefined; sort: RespondentSortKey; page: number; pageSize: number }) {
      const { rows: found, counted } = rows.list({
        text: input.text || undefined,
        sort: input.sort,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
        cap: RESPONDENT_COUNT_CAP,
      });
      return { rows: found.map(toListRow), total: Math.min(counted, RESPONDENT_COUNT_CAP), more: counted > RESPONDENT_COUNT_CAP };
    },

    get(id: number) {
      const r = rows.withCounts(id);
      if (!r) throw new DomainError('NOT_FOUND', `未找到编号为 ${id} 的被投诉方`);
      const into = r.merged_into ? rows.byId(r.merged_into) : undefined;
      return {
        ...toListRow(r),
        version: r.version,
        createdAt: r.created_at,
        mergedInto: into ? { id: into.id, name: into.name } : null,
        mergedAt: r.merged_at,
        merged: rows.mergedInto(id).map((m) => ({ id: m.id, name: m.name, creditCode: m.credit_code, mergedAt: m.merged_at })),
      };
    },

    update(input: RespondentUpdateInput, user: UserView): { version: number; reindexed: number } {
      return db
        .transaction(() => {
          const before = load(input.id);
          if (before.merged_into) throw new DomainError('VALIDATION', MERGED_AWAY(rows.byId(before.merged_into)));
          if (input.version !== undefined && input.version !== before.version) {
            throw new DomainError('CONFLICT', `被投诉方信息已被他人修改（您看到的是第 ${input.version} 版，现为第 ${before.version} 版），请刷新后再修改；本次未作任何改动`);
          }
          const keep = <T>(next: T | undefined, was: T) => (next === undefined ? was : next);
          const after = {
            name: keep(input.name, before.name),
            creditCode: keep(input.creditCode === undefined ? undefined : (input.creditCode?.toUpperCase() ?? null), before.credit_code),
            address: keep(input.address, before.address),
            contactPerson: keep(input.contactPerson, before.contact_person),
            phone: keep(input.phone, before.phone),
          };
          const was = details(before);
          const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== was[k]);
          if (changed.length === 0) throw new DomainError('VALIDATION', '修改的内容与现有信息相同，未作任何更改');
          if (after.creditCode && after.creditCode !== before.credit_code) {
            const other = rows.byCode(after.creditCode);
            if (other && other.id !== before.id) {
              const problem = other.merged_into
                ? `统一社会信用代码 ${after.creditCode} 属于已合并的记录“${other.name}”，不能再用于本记录`
                : `统一社会信用代码 ${after.creditCode} 已用于被投诉方“${other.name}”（编号 ${other.id}）；若两者是同一家经营者，请用“合并到…”把本记录合并过去`;
              throw new DomainError('VALIDATION', problem, { creditCode: problem });
            }
          }
          rows.update(before.id, after);
          // Search finds a case by its business's name, credit code, phone and contact person (store/caseText.ts).
          const searchable = changed.some((k) => k !== 'address');
          const reindexed = searchable ? reindexCases(before.id) : 0;
          audit.append({
            at: clock.now(),
            userId: user.id,
            action: 'respondents.update',
            entity: 'respondent',
            entityId: before.id,
            data: { fields: changed, before: was, after: { id: before.id, ...after }, reindexed },
          });
          return { version: before.version + 1, reindexed };
        })
        .immediate();
    },

    /**
     * `from` and `into` are one business: every case of `from` moves to `into` with a
     * `respondentMerged` event (its version moves, its search follows the row it names now, its
     * statistics and counts follow through the store), the repeats they make with `into`'s cases are
     * counted again, `from` is kept marked as merged, and one audit row holds both rows as they were.
     */
    merge(input: RespondentMergeInput, user: UserView): { into: number; moved: number } {
      if (input.from === input.into) {
        const problem = '不能把被投诉方合并到它自己，请选择另一条记录作为合并目标';
        throw new DomainError('VALIDATION', problem, { into: problem });
      }
      return db
        .transaction(() => {
          const from = load(input.from, '要合并的被投诉方');
          const into = load(input.into, '合并目标');
          if (from.merged_into) throw new DomainError('VALIDATION', `“${from.name}”已于此前合并到“${rows.byId(from.merged_into)?.name ?? ''}”，不能再次合并；本次未作任何改动`, { from: '已合并' });
          if (into.merged_into) throw new DomainError('VALIDATION', `合并目标“${into.name}”本身已合并到“${rows.byId(into.merged_into)?.name ?? ''}”，请选择合并后的记录；本次未作任何改动`, { into: '已合并' });
          if (rows.caseCount(from.id, RESPONDENT_CASES_PER_REQUEST) > RESPONDENT_CASES_PER_REQUEST) tooMany('合并');
          const ids = rows.caseIds(from.id, RESPONDENT_CASES_PER_REQUEST);
          const at = clock.now();
          const data = { from: { id: from.id, name: from.name }, into: { id: into.id, name: into.name }, reason: input.reason };
          for (const caseId of ids) {
            rows.moveCase(caseId, into.id);
            // The event moves the version, re-indexes the case (its reason is a note) and its counts.
            store.write.event({ caseId, at, userId: user.id, type: 'respondentMerged', data });
          }
          // A complaint against `into` by someone who complained against `from` is a repeat now.
          for (const peer of rows.identities(ids)) store.write.recountPeers(peer.id, [{ respondentId: into.id, phone: peer.phone, idNumber: peer.idNumber, receivedOn: peer.receivedOn }]);
          rows.markMerged(from.id, into.id, at);
          audit.append({
            at,
            userId: user.id,
            action: 'respondents.merge',
            entity: 'respondent',
            entityId: into.id,
            data: { from: { ...details(from), createdAt: from.created_at }, into: { ...details(into), createdAt: into.created_at }, cases: ids, reason: input.reason },
          });
          return { into: into.id, moved: ids.length };
        })
        .immediate();
    },
  };
}
export type RespondentRegister = ReturnType<typeof createRespondentRegister>;
