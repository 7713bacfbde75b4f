import { DomainError } from '../../../shared/api/errors';
import type { CaseSort } from '../../../shared/api/schemas/cases';
import { numberOrderOf } from '../db/migrations/0038-number-order';

/**
 * One ordering of the register: the columns it sorts by, ending in a unique one, each matched by an
 * index, so a page is read from the cursor's place in the index (keyset paging) at any depth.
 */
export interface Order {
  keys: string[];
  desc: boolean;
}

/** A case's place in the order of numbers, as the index cases_number_order holds it. */
export const NUMBER_ORDER = numberOrderOf('c.case_no');

export const ORDERS: Record<Exclude<CaseSort, 'acceptanceDueOn:asc' | 'dueOn:asc'>, Order> = {
  'receivedAt:desc': { keys: ['c.received_at', 'c.id'], desc: true },
  'receivedAt:asc': { keys: ['c.received_at', 'c.id'], desc: false },
  'registeredAt:desc': { keys: ['c.id'], desc: true },
  // The register's order of numbers, year then sequence (migration 0038), not the numbers' text.
  'caseNo:asc': { keys: [NUMBER_ORDER], desc: false },
  'caseNo:desc': { keys: [NUMBER_ORDER], desc: true },
  'complainantName:asc': { keys: ['c.complainant_name', 'c.id'], desc: false },
  'complainantName:desc': { keys: ['c.complainant_name', 'c.id'], desc: true },
  // By name, then the business (two may share a name), then within one business by receipt.
  'respondentName:asc': { keys: ['r.name', 'r.id', 'c.received_at', 'c.id'], desc: false },
  'respondentName:desc': { keys: ['r.name', 'r.id', 'c.received_at', 'c.id'], desc: true },
  'status:asc': { keys: ['c.status', 'c.received_at', 'c.id'], desc: false },
  'status:desc': { keys: ['c.status', 'c.received_at', 'c.id'], desc: true },
  'category:asc': { keys: ['c.category', 'c.received_at', 'c.id'], desc: false },
  'category:desc': { keys: ['c.category', 'c.received_at', 'c.id'], desc: true },
};

export type CursorValue = string | number | null;

/** A page's place, for the page after it (an opaque string to the page). */
export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(raw: string, length: number): CursorValue[] {
  try {
    const values = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === length && values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) return values as CursorValue[];
  } catch {
    // falls through to the refusal
  }
  throw new DomainError('VALIDATION', '翻页位置无效，请回到第一页重新查询', { after: '翻页位置无效' });
}
