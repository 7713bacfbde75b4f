import { DomainError } from '../../../shared/api/errors';
import type { z } from 'zod';
import type { calendarSaveYear } from '../../../shared/api/schemas/admin';
import type { UserView } from '../../../shared/api/schemas/common';
import type { Db } from '../db/open';
import type { Audit } from './audit';
import { calendarChanged, loadCalendar } from './calendar';
import type { CaseEvents } from './cases/events';
import type { Deadlines } from './deadlines';
import type { Settings } from './settings';
import type { ProvisionalSpan } from '../store/caseHeads';
import type { OfficeClock } from '../officeClock';

type SaveYear = z.output<typeof calendarSaveYear.input>;

const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

/**
 * The holiday calendar per year (domain.md "Counting"): holiday dates are set each year by the
 * State Council's notice, so an administrator enters next year's when it is published. Entering a
 * year recounts every open deadline at once, so a provisional date becomes a real one.
 */
export function createCalendarAdmin(deps: { db: Db; clock: OfficeClock; settings: Settings; audit: Audit; events: CaseEvents; deadlines: Deadlines; provisionalSpans: () => ProvisionalSpan[] }) {
  const { db, clock, audit, events, deadlines } = deps;
  const years = db.prepare('SELECT year, source FROM calendar_years ORDER BY year');
  const daysOf = db.prepare("SELECT day, kind, name FROM calendar_days WHERE day >= ? AND day < ? ORDER BY day");

  function get() {
    const known = years.all() as { year: number; source: string }[];
    const knownSet = new Set(known.map((y) => y.year));
    const missing = new Set<number>();
    for (const span of deps.provisionalSpans()) {
      for (let y = Number(span.startOn.slice(0, 4)); y <= Number(span.dueOn.slice(0, 4)); y++) if (!knownSet.has(y)) missing.add(y);
    }
    return {
      years: known.map((y) => {
        const days = daysOf.all(`${y.year}-01-01`, `${y.year + 1}-01-01`) as { day: string; kind: string; name: string }[];
        return {
          year: y.year,
          source: y.source,
          holidays: days.filter((d) => d.kind === 'holiday').map((d) => ({ day: d.day, name: d.name })),
          workdays: days.filter((d) => d.kind === 'workday').map((d) => d.day),
        };
      }),
      missingYears: [...missing].sort(),
    };
  }

  function check(input: SaveYear): void {
    const fields: Record<string, string> = {};
    const prefix = `${input.year}-`;
    const seen = new Set<string>();
    input.holidays.forEach((h, i) => {
      if (!h.day.startsWith(prefix)) fields[`holidays.${i}.day`] = `日期不在${input.year}年内`;
      else if (seen.has(h.day)) fields[`holidays.${i}.day`] = '日期重复';
      seen.add(h.day);
    });
    input.workdays.forEach((d, i) => {
      if (!d.startsWith(prefix)) fields[`workdays.${i}`] = `日期不在${input.year}年内`;
      else if (seen.has(d)) fields[`workdays.${i}`] = '同一天不能既是节假日又是调休上班日';
      else if (weekday(d) !== 0 && weekday(d) !== 6) fields[`workdays.${i}`] = '调休上班日应为周六或周日';
      seen.add(d);
    });
    const first = Object.values(fields)[0];
    if (first) throw new DomainError('VALIDATION', `输入有误：${first}`, fields);
  }

  function saveYear(input: SaveYear, user: UserView): { recomputed: number } {
    check(input);
    const now = clock.now();
    return db
      .transaction(() => {
        db.prepare('DELETE FROM calendar_days WHERE day >= ? AND day < ?').run(`${input.year}-01-01`, `${input.year + 1}-01-01`);
        const insert = db.prepare('INSERT INTO calendar_days (day, kind, name) VALUES (?, ?, ?)');
        for (const h of input.holidays) insert.run(h.day, 'holiday', h.name);
        for (const d of input.workdays) insert.run(d, 'workday', '调休上班');
        db.prepare('INSERT INTO calendar_years (year, source) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET source = excluded.source').run(input.year, input.source);
        calendarChanged(db);
        const changed = deadlines.recomputeOpen(loadCalendar(db));
        const byCase = new Map<number, typeof changed>();
        for (const c of changed) byCase.set(c.caseId, [...(byCase.get(c.caseId) ?? []), c]);
        for (const [caseId, list] of byCase) {
          events.record({
            caseId,
            at: now,
            userId: user.id,
            type: 'deadlinesRecounted',
            data: { year: input.year, deadlines: list.map(({ kind, before, after, provisional }) => ({ kind, before, after, provisional })) },
          });
        }
        audit.append({ at: now, userId: user.id, action: 'calendar.saveYear', entity: 'calendar', entityId: input.year, data: { source: input.source, holidays: input.holidays.length, workdays: input.workdays.length, recomputed: changed.length } });
        return { recomputed: changed.length };
      })
      .immediate();
  }

  return { get, saveYear };
}
