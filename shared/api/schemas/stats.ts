import { z } from 'zod';
import { isoDate } from './common';

/** The figures an association reports for a period or one part of it (domain.md "Headline statistics"). */
export const figures = z.object({
  /** Complaints received in the period (by receipt date), voided ones left out. */
  received: z.number().int(),
  /** 受理数: accepted. */
  accepted: z.number().int(),
  /** 解决数: ended with an agreement or a measure in the consumer's favour. */
  resolved: z.number().int(),
  /** 解决率 = resolved ÷ accepted, 0–1; null when nothing was accepted. */
  resolutionRate: z.number().nullable(),
  /** 为消费者挽回经济损失, in fen (分), the punitive part included. */
  recoveredFen: z.number().int(),
  /** 加倍赔偿: cases, and the amount in fen. */
  punitiveCases: z.number().int(),
  punitiveFen: z.number().int(),
  /** 支持消费者起诉. */
  lawsuitSupport: z.number().int(),
  /** Closed, or refused by an approved decision. */
  finished: z.number().int(),
  /** Average handling time of the finished ones, in 工作日 (receipt to closing or refusal); null when none finished. */
  averageHandlingDays: z.number().nullable(),
  /** Share of the finished ones with every deadline met in time, 0–1; null when none finished. */
  inTimeRate: z.number().nullable(),
  /** Repeat complaints: the same complainant against the same business again within the office's window. */
  repeats: z.number().int(),
  repeatRate: z.number().nullable(),
});
export type Figures = z.infer<typeof figures>;

export const breakdownRow = figures.extend({
  /** The code of the category, nature, channel or region, the handler's user id, or '' for none recorded. */
  key: z.string(),
  name: z.string(),
});
export type BreakdownRow = z.infer<typeof breakdownRow>;

export const breakdownKinds = ['category', 'nature', 'channel', 'region', 'handler'] as const;
export type BreakdownKind = (typeof breakdownKinds)[number];

export const statsPeriod = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .refine((p) => Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4)) <= 20, { message: '统计期间最长20年', path: ['from'] });

/**
 * The repeat flags being counted again after the office changed its repeat window (办公设置): until it
 * ends, the repeat figures mix the old window and the new. `done` and `total` count the register's
 * cases by id, up to the last case registered before the change (later ones are counted under the
 * new window as they are registered).
 */
export const repeatRecountProgress = z.object({
  windowDays: z.number().int(),
  done: z.number().int(),
  total: z.number().int(),
});
export type RepeatRecountProgress = z.infer<typeof repeatRecountProgress>;

export const statsSummary = {
  input: statsPeriod,
  output: figures.extend({
    from: z.string(),
    to: z.string(),
    /** The last day counted: `to`, or the office's today while the period runs (the year earlier is then counted to the same day). */
    through: z.string(),
    /** 接待来访和咨询 (人次): enquiries received in the period, by their office date (enquiries.log). */
    enquiries: z.number().int(),
    byCategory: z.array(breakdownRow),
    byNature: z.array(breakdownRow),
    byChannel: z.array(breakdownRow),
    byRegion: z.array(breakdownRow),
    byHandler: z.array(breakdownRow),
    /** Every month the period touches through `through`, in order, as YYYY-MM (the months at its edges count only the days inside it). */
    byMonth: z.array(figures.extend({ month: z.string() })),
    /** The businesses complained about most in the period. */
    topRespondents: z.array(z.object({ id: z.number().int(), name: z.string(), creditCode: z.string().nullable(), received: z.number().int(), resolved: z.number().int() })),
    /**
     * The same days a year earlier (from `from` through `through`), for comparison, as they stood a year
     * before today: what of those cases was accepted, resolved or ended after `asOf` is not counted, so
     * a month just ended is compared with the same month at the same age, not with one handled a year
     * longer. `asOf` is null where the period has not begun (nothing to compare) or the register keeps
     * no such days (read-only, from before migration 0050): then as the cases stand today.
     */
    yearEarlier: figures.extend({ from: z.string(), to: z.string(), enquiries: z.number().int(), asOf: z.string().nullable() }),
    /** Non-null while the repeat figures are being counted again under a new window (they are then not yet final). */
    repeatRecount: repeatRecountProgress.nullable(),
  }),
};
export type StatsSummary = z.infer<typeof statsSummary.output>;
