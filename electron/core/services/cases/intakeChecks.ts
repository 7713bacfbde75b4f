import { DomainError } from '../../../../shared/api/errors';
import type { IdType } from '../../../../shared/domain/caseStatus';
import { OLD_PURCHASE_WARNING, purchaseAfterReceiptProblem, purchaseOverLimitation } from '../../../../shared/domain/intake';
import { residentIdProblem } from '../../../../shared/domain/validators';
import type { CatalogService } from '../catalog';

/**
 * The checks of a registration that need the register or the core's clock (the shared schema
 * cannot know the catalog or "today"), made the same way at registration (cases.register) and at
 * a correction (cases.correct). Each throws 400 VALIDATION with the field that is wrong.
 */

/** A receipt time this far ahead of the PC clock is a typing mistake, not a clock skew. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

const refuse = (field: string, problem: string, message = `输入有误：${problem}`): never => {
  throw new DomainError('VALIDATION', message, { [field]: problem });
};

/**
 * Codes from the catalog; only those given are checked (a correction names only what changes).
 * `keptNatures`: the natures a corrected case already has, which may stay though an administrator
 * has since retired them (a retired item is only not offered anew).
 */
export function checkCodes(
  codes: { channel?: string; category?: string; region?: string | null; natures?: readonly string[] },
  catalog: CatalogService,
  keptNatures: readonly string[] = [],
): void {
  const fields: Record<string, string> = {};
  if (codes.channel !== undefined && !catalog.find('channel', codes.channel)) fields.channel = '请选择有效的投诉渠道';
  if (codes.category !== undefined && !catalog.find('category', codes.category)) fields.category = '请选择有效的投诉类别';
  if (codes.region != null && !catalog.find('region', codes.region)) fields.region = '请从本会的地区列表中选择所属地区';
  codes.natures?.forEach((n, i) => {
    if (!keptNatures.includes(n) && !catalog.find('nature', n)) fields[`natures.${i}`] = '投诉性质不在目录中';
  });
  const first = Object.values(fields)[0];
  if (first) throw new DomainError('VALIDATION', `输入有误：${first}`, fields);
}

/** 收到时间 not in the future by the office clock. */
export function checkReceivedAt(received: Date, now: Date): void {
  if (received.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) refuse('receivedAt', '收到时间不能晚于现在', '收到时间不能晚于现在，请核对');
}

/** A resident ID's birth date not after today (GB 11643; the shared schema checks the rest, but not against today). */
export function checkIdNumber(idType: IdType, idNumber: string | null | undefined, today: string): void {
  const problem = idType === 'resident' && idNumber ? residentIdProblem(idNumber, today) : null;
  if (problem) refuse('complainant.idNumber', problem);
}

/** Nobody complains about a purchase before making it (the rule the form checks too: shared/domain/intake.ts). */
export function checkPurchasedOn(purchasedOn: string | null | undefined, receivedOn: string): void {
  const problem = purchaseAfterReceiptProblem(purchasedOn, receivedOn);
  if (problem) refuse('purchasedOn', problem, problem);
}

/**
 * A purchase more than three years before receipt may be 不予受理 ground 4 (domain.md "Grounds for
 * refusal"; shared/domain/intake.ts): never saved silently nor refused silently — without the
 * clerk's confirmation the answer is the warning, under the confirmation box, and nothing is kept.
 */
export function checkOldPurchase(purchasedOn: string | null | undefined, receivedOn: string, confirmed: boolean | undefined): void {
  if (purchaseOverLimitation(purchasedOn, receivedOn) && confirmed !== true) refuse('oldPurchaseConfirmed', OLD_PURCHASE_WARNING, OLD_PURCHASE_WARNING);
}
