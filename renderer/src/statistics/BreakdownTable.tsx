import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import type { Figures } from '../../../shared/api/schemas/stats';
import { listLinkOf, type CaseFilters } from '../cases/caseFilters';
import type { Breakdown } from './breakdowns';
import { daysText, percentText, yuanText } from './numbers';

interface Column {
  label: string;
  /** The label's words, where a narrow column on paper may wrap it (加倍 | 赔偿, not 加倍赔 | 偿). */
  words?: string[];
  cell: (f: Figures) => string | number;
  /** The figure's own filter: the cell opens the cases it counts. */
  opens?: Partial<CaseFilters>;
}

/** The figures of one line of a breakdown, left to right as associations tabulate them. */
export const breakdownColumns: Column[] = [
  { label: '收到', cell: (f) => f.received, opens: {} },
  { label: '受理', cell: (f) => f.accepted, opens: { accepted: true } },
  { label: '解决', cell: (f) => f.resolved, opens: { resolved: true } },
  { label: '解决率', cell: (f) => percentText(f.resolutionRate) },
  { label: '挽回损失（元）', words: ['挽回损失', '（元）'], cell: (f) => yuanText(f.recoveredFen) },
  { label: '加倍赔偿', words: ['加倍', '赔偿'], cell: (f) => f.punitiveCases, opens: { punitive: true } },
  { label: '支持起诉', words: ['支持', '起诉'], cell: (f) => f.lawsuitSupport, opens: { lawsuit: true } },
  { label: '办结', cell: (f) => f.finished, opens: { finished: true } },
  { label: '平均办理（工作日）', words: ['平均', '办理', '（工作日）'], cell: (f) => daysText(f.averageHandlingDays) },
  { label: '按期办结率', words: ['按期', '办结率'], cell: (f) => percentText(f.inTimeRate) },
];

interface Props {
  breakdown: Breakdown;
  period: { from: string; to: string };
  /** The period's own figures, for the 合计 line. */
  total?: Figures;
  /** On paper, numbers are not links. */
  links?: boolean;
  size?: 'small' | 'medium';
}

/** A breakdown (by category, nature, channel, month, region or handler), every count one click from its cases. */
export function BreakdownTable({ breakdown, period, total, links = true, size = 'small' }: Props) {
  const link = (filter: Partial<CaseFilters>, content: ReactNode, label: string) =>
    links ? (
      <Link component={RouterLink} to={listLinkOf({ from: period.from, to: period.to, ...filter })} aria-label={label} underline="hover">
        {content}
      </Link>
    ) : (
      content
    );
  return (
    <Table size={size} aria-label={breakdown.title} sx={{ '& td, & th': { whiteSpace: 'nowrap' }, '& td:not(:first-of-type), & th:not(:first-of-type)': { textAlign: 'right' } }}>
      <TableHead>
        <TableRow>
          <TableCell component="th">{breakdown.what}</TableCell>
          {breakdownColumns.map((c) => (
            <TableCell key={c.label} component="th">
              {c.label}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {breakdown.lines.length === 0 && (
          <TableRow>
            <TableCell colSpan={breakdownColumns.length + 1} sx={{ color: 'text.secondary', textAlign: 'left !important' }}>
              本期没有投诉
            </TableCell>
          </TableRow>
        )}
        {breakdown.lines.map((line) => (
          <TableRow key={line.id} hover={links}>
            <TableCell sx={{ whiteSpace: 'normal !important' }}>{link(line.filter, line.name, `${line.name}的全部投诉`)}</TableCell>
            {breakdownColumns.map((c) => {
              const v = c.cell(line.f);
              return (
                <TableCell key={c.label}>{c.opens && v !== 0 ? link({ ...line.filter, ...c.opens }, v, `${line.name} ${c.label} ${v} 件`) : v}</TableCell>
              );
            })}
          </TableRow>
        ))}
        {breakdown.total && total && breakdown.lines.length > 1 && (
          <TableRow sx={{ '& td': { fontWeight: 600, borderTop: 2, borderColor: 'divider' } }}>
            <TableCell>合计</TableCell>
            {breakdownColumns.map((c) => (
              <TableCell key={c.label}>{c.cell(total)}</TableCell>
            ))}
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
