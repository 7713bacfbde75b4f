import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import type { StatsSummary } from '../../../shared/api/schemas/stats';
import { listLinkOf, type CaseFilters } from '../cases/caseFilters';

/** 被投诉较多的经营者: each business and its counts open its cases of the period. */
export function TopRespondents({ summary, links = true, size = 'small' }: { summary: StatsSummary; links?: boolean; size?: 'small' | 'medium' }) {
  const link = (filter: Partial<CaseFilters>, content: ReactNode, label: string) =>
    links ? (
      <Link component={RouterLink} to={listLinkOf({ from: summary.from, to: summary.to, ...filter })} underline="hover" aria-label={label}>
        {content}
      </Link>
    ) : (
      content
    );
  return (
    <Table size={size} aria-label="被投诉较多的经营者" sx={{ '& td:nth-of-type(n+4), & th:nth-of-type(n+4)': { textAlign: 'right' } }}>
      <TableHead>
        <TableRow>
          <TableCell component="th" sx={{ width: 64, whiteSpace: 'nowrap' }}>
            名次
          </TableCell>
          <TableCell component="th">经营者</TableCell>
          <TableCell component="th">统一社会信用代码</TableCell>
          <TableCell component="th">投诉</TableCell>
          <TableCell component="th">解决</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {summary.topRespondents.length === 0 && (
          <TableRow>
            <TableCell colSpan={5} sx={{ color: 'text.secondary' }}>
              本期没有投诉
            </TableCell>
          </TableRow>
        )}
        {summary.topRespondents.map((r, i) => {
          const who = { respondent: String(r.id), respondentName: r.name };
          return (
            <TableRow key={r.id} hover={links}>
              <TableCell>{i + 1}</TableCell>
              <TableCell>{link(who, r.name, `${r.name}的投诉`)}</TableCell>
              <TableCell>{r.creditCode ?? '—'}</TableCell>
              <TableCell>{link(who, r.received, `${r.name} 投诉 ${r.received} 件`)}</TableCell>
              <TableCell>{r.resolved > 0 ? link({ ...who, resolved: true }, r.resolved, `${r.name} 解决 ${r.resolved} 件`) : 0}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
