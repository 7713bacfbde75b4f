import type { Figures } from '../../../shared/api/schemas/stats';
import type { CaseFilters } from '../cases/caseFilters';
import { daysText, percentText, wanYuanText, yuanText, type CompareMode } from './numbers';

type WithEnquiries = Figures & { enquiries: number };

/** 100,000 元 in fen: from here 挽回经济损失 reads in 万元. */
const WAN_YUAN_FROM_FEN = 10_000_000;

export interface FigureDef {
  key: string;
  label: string;
  value: (f: WithEnquiries) => number | null;
  /**
   * The figure as read, with its unit; `unitOf` is the figure whose unit it is written in (上年同期 in
   * the period's unit, so a row never sets 万元 beside 元).
   */
  text: (f: WithEnquiries, unitOf?: WithEnquiries) => string;
  /** A second way to read it (万元, the count behind a rate). */
  detail?: (f: WithEnquiries) => string;
  compare: CompareMode;
  /**
   * The register's filters that list the cases behind the figure (with the period's from/to), the
   * same rule it is counted by; null where no case is behind it (enquiries).
   */
  filter: Partial<CaseFilters> | null;
  /** What the link opens, where it is not the figure's own cases exactly. */
  opens?: string;
}

/** The headline figures associations publish (domain.md "Headline statistics"), in the order they report them. */
export const headlineFigures: FigureDef[] = [
  { key: 'received', label: '收到投诉', value: (f) => f.received, text: (f) => `${f.received} 件`, compare: 'count', filter: {} },
  { key: 'accepted', label: '受理数', value: (f) => f.accepted, text: (f) => `${f.accepted} 件`, compare: 'count', filter: { accepted: true } },
  { key: 'resolved', label: '解决数', value: (f) => f.resolved, text: (f) => `${f.resolved} 件`, compare: 'count', filter: { resolved: true } },
  {
    key: 'resolutionRate',
    label: '解决率',
    value: (f) => f.resolutionRate,
    text: (f) => percentText(f.resolutionRate),
    detail: (f) => `解决 ${f.resolved} ÷ 受理 ${f.accepted}`,
    compare: 'rate',
    filter: { resolved: true },
    opens: '已解决的案件',
  },
  {
    key: 'recovered',
    label: '挽回经济损失',
    value: (f) => f.recoveredFen,
    // From 10万元 on the figure is read in 万元, as associations report it, and fits its card.
    text: (f, unitOf = f) => (Math.abs(unitOf.recoveredFen) >= WAN_YUAN_FROM_FEN ? `${wanYuanText(f.recoveredFen)} 万元` : `${yuanText(f.recoveredFen)} 元`),
    detail: (f) => (Math.abs(f.recoveredFen) >= WAN_YUAN_FROM_FEN ? `${yuanText(f.recoveredFen)} 元（含加倍赔偿）` : `${wanYuanText(f.recoveredFen)} 万元（含加倍赔偿）`),
    compare: 'amount',
    filter: { resolved: true },
    opens: '已解决的案件',
  },
  {
    key: 'punitive',
    label: '加倍赔偿',
    value: (f) => f.punitiveCases,
    text: (f) => `${f.punitiveCases} 件`,
    detail: (f) => `金额 ${yuanText(f.punitiveFen)} 元`,
    compare: 'count',
    filter: { punitive: true },
  },
  { key: 'lawsuit', label: '支持起诉', value: (f) => f.lawsuitSupport, text: (f) => `${f.lawsuitSupport} 件`, compare: 'count', filter: { lawsuit: true } },
  { key: 'enquiries', label: '咨询', value: (f) => f.enquiries, text: (f) => `${f.enquiries} 人次`, detail: () => '接待来访和咨询', compare: 'count', filter: null },
  {
    key: 'handlingDays',
    label: '平均办理时间',
    value: (f) => f.averageHandlingDays,
    text: (f) => (f.averageHandlingDays === null ? '—' : `${daysText(f.averageHandlingDays)} 工作日`),
    detail: (f) => `已办结 ${f.finished} 件`,
    compare: 'days',
    filter: { finished: true },
    opens: '已办结的案件',
  },
  {
    key: 'inTime',
    label: '按期办结率',
    value: (f) => f.inTimeRate,
    text: (f) => percentText(f.inTimeRate),
    // "Within its time limit": every clock of the case was met on time (domain.md "Headline statistics").
    detail: (f) => `按时 ${f.inTimeRate === null ? 0 : Math.round(f.inTimeRate * f.finished)} / 办结 ${f.finished} 件`,
    compare: 'rate',
    filter: { inTime: '1' },
    opens: '按期办结的案件',
  },
  {
    key: 'repeat',
    label: '重复投诉率',
    value: (f) => f.repeatRate,
    text: (f) => percentText(f.repeatRate),
    detail: (f) => `重复投诉 ${f.repeats} 件`,
    compare: 'rate',
    filter: { repeat: true },
    opens: '重复投诉的案件',
  },
];

export { repeatRecountNote } from '../../../shared/domain/repeats';
