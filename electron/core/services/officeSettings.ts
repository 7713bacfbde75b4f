import { dirname } from 'node:path';
import { DomainError } from '../../../shared/api/errors';
import type { UserView } from '../../../shared/api/schemas/common';
import type { WorkflowSettings } from '../../../shared/api/schemas/admin';
import {
  DEFAULT_CASE_NO_PREFIX,
  DEFAULT_RETENTION,
  settingKeys as KEY,
  type OfficeSettingsView,
  type RetentionPeriod,
  type SaveSectionInput,
  WORKFLOW_DEFAULTS,
} from '../../../shared/api/schemas/officeSettings';
import { DEFAULT_EVIDENCE_MAX_BYTES } from '../../../shared/domain/evidence';
import { defaultNumberMarks, noticeTitle, noticeTypes, type NoticeType } from '../../../shared/notices/types';
import { backupTarget } from '../backup/place';
import type { Db } from '../db/open';
import { checkBodyFont } from '../notices/fontCheck';
import { DEFAULT_OFFICE_ZONE, type OfficeClock } from '../officeClock';
import { DEFAULT_REPEAT_WINDOW_DAYS } from '../store/caseFacts';
import type { Audit } from './audit';
import type { RepeatRecount } from './repeatRecount';
import type { Settings } from './settings';
import { caseNumberOf } from '../../../shared/domain/caseNumber';

/** The action of every settings change on the audit chain, whichever operation made it. */
export const SETTINGS_AUDIT_ACTION = 'settings.change';

type Views = Omit<OfficeSettingsView, 'openDeadlines' | 'nextCaseNo'>;
export type BodyFont = { path: string; family: string; glyphs: number } | null;

/**
 * A first guess at the notice number prefix from the office's name, until an administrator sets it:
 * 杭州市消费者协会 → 杭消协, 宁波市消费者权益保护委员会 → 宁消保委.
 */
export function guessPrefix(name: string): string {
  const first = name.trim().charAt(0);
  if (!first) return '消协';
  if (name.includes('消费者权益保护委员会')) return `${first}消保委`;
  return `${first}消协`;
}

/**
 * For the older operations: a refusal's fields named as that operation names them (`values.dir` →
 * `dir`), so their callers keep placing errors where they did.
 */
export async function withLegacyFields<T>(work: () => Promise<T>, rename: (path: string) => string = (p) => p): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError) || !error.fields) throw error;
    throw new DomainError(error.code, error.message, Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [rename(k.replace(/^values\./, '')), v])));
  }
}

interface Deps {
  db: Db;
  clock: OfficeClock;
  settings: Settings;
  audit: Audit;
  /** The seal as notices print it (a data: URL from the vault), or null. */
  seal: () => { sha256: string; dataUrl: string; width: number; height: number } | null;
  /** A new repeat window: the stored repeat flags are counted again (planned in the save's transaction, run after it). */
  repeatRecount?: Pick<RepeatRecount, 'plan' | 'kick'>;
}

/**
 * 办公设置: one typed service over the office's key/value settings (DESIGN.md "设置"). Reads give
 * every section with its default; a save validates the merged section, checks what only the core
 * can (a font file, a backup folder, open deadlines under a new time zone), writes the keys and one
 * `settings.change` audit row with each changed field before → after, all in one transaction.
 * The older operations (`settings.*`, `office.update`, `evidenceSettings.save`, `backup.configure`)
 * come through here too, so every path writes the same keys the same way.
 */
export function createOfficeSettings({ db, clock, settings, audit, seal, repeatRecount }: Deps) {
  const dataDir = dirname(db.name);
  const openDeadlines = db.prepare("SELECT count(*) FROM case_deadlines WHERE state IN ('running', 'paused')").pluck();
  const lastNumber = db.prepare('SELECT last FROM case_numbers WHERE year = ?').pluck();

  function workflow(): WorkflowSettings {
    return {
      idleLockMinutes: settings.get<number>(KEY.workflow.idleLockMinutes, WORKFLOW_DEFAULTS.idleLockMinutes),
      followUpsRequired: settings.get<number>(KEY.workflow.followUpsRequired, WORKFLOW_DEFAULTS.followUpsRequired),
      followUpsRequiredForQuality: settings.get<number>(KEY.workflow.followUpsRequiredForQuality, WORKFLOW_DEFAULTS.followUpsRequiredForQuality),
    };
  }

  function sections(): Views {
    const name = settings.get(KEY.office.name, '');
    const bodyFont = settings.get<BodyFont>(KEY.office.bodyFont, null);
    return {
      office: {
        name,
        address: settings.get(KEY.office.address, ''),
        phone: settings.get(KEY.office.phone, ''),
        issuer: settings.get(KEY.office.issuer, '') || name,
        timeZone: settings.get(KEY.office.timeZone, DEFAULT_OFFICE_ZONE),
        bodyFontPath: bodyFont?.path ?? null,
        seal: seal(),
        bodyFont,
      },
      numbering: {
        caseNoPrefix: settings.get(KEY.numbering.caseNoPrefix, DEFAULT_CASE_NO_PREFIX),
        noticePrefix: settings.get(KEY.numbering.noticePrefix, '') || guessPrefix(name),
        noticeMarks: { ...defaultNumberMarks, ...settings.get<Partial<Record<NoticeType, string>>>(KEY.numbering.noticeMarks, {}) },
      },
      workflow: workflow(),
      evidence: { maxBytes: settings.get(KEY.evidence.maxBytes, DEFAULT_EVIDENCE_MAX_BYTES) },
      backup: { dir: settings.get<string | null>(KEY.backup.dir, null), dailyAt: settings.get<string | null>(KEY.backup.dailyAt, null) },
      intake: { repeatWindowDays: settings.get(KEY.intake.repeatWindowDays, DEFAULT_REPEAT_WINDOW_DAYS) },
      archive: { retention: settings.get<RetentionPeriod>(KEY.archive.retention, DEFAULT_RETENTION) },
    };
  }

  function get(): OfficeSettingsView {
    const all = sections();
    const year = clock.today().slice(0, 4);
    const next = ((lastNumber.get(Number(year)) as number | undefined) ?? 0) + 1;
    return {
      ...all,
      openDeadlines: openDeadlines.get() as number,
      nextCaseNo: caseNumberOf(all.numbering.caseNoPrefix, year, next),
    };
  }

  /** What only the core can check, done before the transaction (a font file is slow to read). */
  async function prepare(change: SaveSectionInput): Promise<Record<string, unknown>> {
    const values: Record<string, unknown> = { ...change.values };
    if (change.section === 'office' && typeof values.bodyFontPath === 'string') {
      values.bodyFont = await checkBodyFont(values.bodyFontPath).catch((error: unknown) => {
        if (error instanceof DomainError && error.fields) throw new DomainError(error.code, error.message, Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [`values.${k}`, v])));
        throw error;
      });
    } else if (change.section === 'office' && values.bodyFontPath === null) {
      values.bodyFont = null;
    }
    return values;
  }

  /** One section merged and checked against the stored values; returns the keys to write. */
  function plan(change: SaveSectionInput, values: Record<string, unknown>, current: Views, confirmed: boolean): { writes: [string, unknown][]; before: Record<string, unknown>; after: Record<string, unknown> } {
    const writes: [string, unknown][] = [];
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const differ = (field: string, was: unknown, now: unknown, key: string, stored: unknown = now) => {
      if (JSON.stringify(was) === JSON.stringify(now)) return;
      before[field] = was;
      after[field] = now;
      writes.push([key, stored]);
    };
    switch (change.section) {
      case 'office': {
        const o = current.office;
        for (const f of ['name', 'address', 'phone', 'issuer'] as const) if (values[f] !== undefined) differ(f, o[f], values[f], KEY.office[f]);
        if (values.timeZone !== undefined && values.timeZone !== o.timeZone) {
          const open = openDeadlines.get() as number;
          // "Today" and overdue are judged in the office's zone; stored due dates and times (each with
          // its own offset) stay as they are, so the change is allowed but never made unawares.
          if (open > 0 && !confirmed) {
            const message = `还有 ${open} 个未到期的期限。改变时区后，“今天”和是否逾期按新时区计算（已记录的日期和时间不变），请确认后再保存`;
            throw new DomainError('CONFLICT', message, { 'values.timeZone': message });
          }
          differ('timeZone', o.timeZone, values.timeZone, KEY.office.timeZone);
        }
        if ('bodyFont' in values) differ('bodyFont', o.bodyFont, values.bodyFont, KEY.office.bodyFont);
        break;
      }
      case 'numbering': {
        const n = current.numbering;
        const v = values as Partial<Views['numbering']>;
        // A new prefix numbers the cases registered from now on; a case keeps the number it was given.
        if (v.caseNoPrefix !== undefined) differ('caseNoPrefix', n.caseNoPrefix, v.caseNoPrefix, KEY.numbering.caseNoPrefix);
        if (v.noticePrefix !== undefined) differ('noticePrefix', n.noticePrefix, v.noticePrefix, KEY.numbering.noticePrefix);
        if (v.noticeMarks) {
          const marks = { ...n.noticeMarks, ...v.noticeMarks };
          // Reported under the mark the administrator just typed, naming the type it collides with.
          for (const t of [...(Object.keys(v.noticeMarks) as NoticeType[]), ...noticeTypes]) {
            const other = noticeTypes.find((o) => o !== t && marks[o] === marks[t]);
            if (other) {
              const message = `与“${noticeTitle[other]}”的类型字相同，文号会重复`;
              throw new DomainError('VALIDATION', `各类文书的类型字不能相同：${message}`, { [`values.noticeMarks.${t}`]: message });
            }
          }
          differ('noticeMarks', n.noticeMarks, marks, KEY.numbering.noticeMarks);
        }
        break;
      }
      case 'backup': {
        const b = { ...current.backup, ...(values as Partial<Views['backup']>) };
        if (b.dailyAt && !b.dir) throw new DomainError('VALIDATION', '每日自动备份需要先填写备份位置', { 'values.dir': '请填写备份位置' });
        const dir = values.dir === undefined ? current.backup.dir : values.dir === null ? null : backupTarget(values.dir as string, dataDir, 'values.dir');
        differ('dir', current.backup.dir, dir, KEY.backup.dir);
        if (values.dailyAt !== undefined && values.dailyAt !== current.backup.dailyAt) {
          differ('dailyAt', current.backup.dailyAt, values.dailyAt, KEY.backup.dailyAt);
          // The schedule counts from the change, so a new time does not fire for days already past.
          writes.push(['backup.scheduleSince', clock.now()]);
        }
        break;
      }
      default: {
        const section = current[change.section] as Record<string, unknown>;
        const keys = KEY[change.section] as Record<string, string>;
        for (const [field, value] of Object.entries(values)) if (value !== undefined && keys[field]) differ(field, section[field], value, keys[field]!);
      }
    }
    return { writes, before, after };
  }

  /**
   * Saves sections together (one transaction, one audit row per section that changed); a refusal of
   * any of them changes nothing.
   */
  async function save(changes: SaveSectionInput[], user: UserView, confirmOpenDeadlines = false): Promise<OfficeSettingsView & { changed: string[] }> {
    const prepared: Record<string, unknown>[] = [];
    for (const c of changes) prepared.push(await prepare(c));
    let recount = false;
    const saved = db
      .transaction(() => {
        const current = sections();
        const changed: string[] = [];
        const at = clock.now();
        changes.forEach((c, i) => {
          const { writes, before, after } = plan(c, prepared[i]!, current, confirmOpenDeadlines || ('confirmOpenDeadlines' in c && c.confirmOpenDeadlines === true));
          if (writes.length === 0) return;
          for (const [key, value] of writes) {
            settings.set(key, value);
            if (key === KEY.intake.repeatWindowDays) {
              repeatRecount?.plan(value as number);
              recount = true;
            }
          }
          changed.push(...Object.keys(after).map((f) => `${c.section}.${f}`));
          audit.append({ at, userId: user.id, action: SETTINGS_AUDIT_ACTION, entity: 'settings', entityId: null, data: { section: c.section, before, after } });
        });
        return { ...get(), changed };
      })
      .immediate();
    if (recount) repeatRecount?.kick();
    return saved;
  }

  return {
    get,
    /** Every section without the counts (what notices and the session read). */
    sections,
    workflow,
    /** `officeSettings.saveSection`. */
    saveSection: (input: SaveSectionInput, user: UserView) => save([input], user),
    save,
    /** The seal is an image upload of its own (`office.setSeal`); its change is a settings change like any other. */
    recordSeal(before: string | null, after: string | null, user: UserView): void {
      if (before === after) return;
      audit.append({ at: clock.now(), userId: user.id, action: SETTINGS_AUDIT_ACTION, entity: 'settings', entityId: null, data: { section: 'office', before: { seal: before }, after: { seal: after } } });
    },
  };
}
export type OfficeSettingsService = ReturnType<typeof createOfficeSettings>;
