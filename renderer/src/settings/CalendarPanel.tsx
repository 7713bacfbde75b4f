import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { OutputOf } from '../../../shared/api/contract';
import { useApiQuery } from '../api/useApiQuery';
import { CenteredMessage } from '../common/CenteredMessage';
import { formatDateCn } from '../format';
import { runsOf } from './calendarRows';
import { CalendarYearDialog } from './CalendarYearDialog';

type Year = OutputOf<'calendar.get'>['years'][number];

const monthDay = (d: string) => formatDateCn(d).replace(/^\d+年/, '');
const runText = (r: { name: string; from: string; to: string }) => `${r.name} ${monthDay(r.from)}${r.to ? `–${monthDay(r.to)}` : ''}`;

/**
 * 节假日历: the public holidays and 调休 working days per year, from the State Council's notice.
 * A deadline counted into a year not entered yet is provisional; entering the year recounts them.
 */
export function CalendarPanel() {
  const calendar = useApiQuery('calendar.get', {});
  const [editing, setEditing] = useState<{ year: number; existing: Year | null } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (!calendar.data) return <CenteredMessage loading={!calendar.error}>{calendar.error?.message}</CenteredMessage>;
  const { years, missingYears } = calendar.data;
  const next = Math.max(...years.map((y) => y.year), 2025) + 1;
  return (
    <>
      {missingYears.length > 0 && (
        <Alert severity="warning" data-testid="missing-years">
          在办案件的期限已计算到 {missingYears.join('、')} 年，节假日历还没有该年的放假安排：这些期限暂按普通周末计算，标为“暂定”。国务院办公厅公布放假安排后，请录入该年节假日，期限将自动重算。
        </Alert>
      )}
      {saved && <Alert severity="success" onClose={() => setSaved(null)}>{saved}</Alert>}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          工作日不含周末和法定节假日，但含调休上班日。
        </Typography>
        {[...new Set([...missingYears, next])].map((y) => (
          <Button key={y} variant={missingYears.includes(y) ? 'contained' : 'outlined'} startIcon={<AddIcon />} onClick={() => setEditing({ year: y, existing: null })}>
            录入 {y} 年
          </Button>
        ))}
      </Stack>
      <Table size="small" aria-label="节假日历">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 70 }}>年份</TableCell>
            <TableCell>法定节假日</TableCell>
            <TableCell sx={{ width: 200 }}>调休上班日</TableCell>
            <TableCell>依据</TableCell>
            <TableCell sx={{ width: 80 }} />
          </TableRow>
        </TableHead>
        <TableBody>
          {[...years].reverse().map((y) => (
            <TableRow key={y.year} sx={{ verticalAlign: 'top' }}>
              <TableCell>{y.year}</TableCell>
              <TableCell>{runsOf(y.holidays).map(runText).join('；')}</TableCell>
              <TableCell>{y.workdays.map(monthDay).join('、') || '无'}</TableCell>
              <TableCell>{y.source}</TableCell>
              <TableCell>
                <Button size="small" onClick={() => setEditing({ year: y.year, existing: y })} aria-label={`修改 ${y.year} 年`}>
                  修改
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {editing && (
        <CalendarYearDialog
          year={editing.year}
          existing={editing.existing}
          onClose={() => setEditing(null)}
          onSaved={(recomputed) => {
            setSaved(`已保存 ${editing.year} 年节假日${recomputed > 0 ? `，重新计算了 ${recomputed} 个在办期限` : ''}。`);
            setEditing(null);
            calendar.reload();
          }}
        />
      )}
    </>
  );
}
