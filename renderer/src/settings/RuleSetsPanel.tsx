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
import type { RuleSetView } from '../../../shared/api/schemas/admin';
import { deadlineKindLabel, limitText } from '../../../shared/domain/deadlines';
import { ruleLimitKinds } from '../../../shared/domain/ruleSets';
import { useApiQuery } from '../api/useApiQuery';
import { CenteredMessage } from '../common/CenteredMessage';
import { formatDateCn } from '../format';
import { RuleSetDialog } from './RuleSetDialog';

/**
 * 时限规则: the rule sets with the day each came into force. A case keeps the set in force on its
 * receipt date; new rules get a new set from their effective date, so older cases keep theirs.
 */
export function RuleSetsPanel() {
  const sets = useApiQuery('ruleSets.list', {});
  const [editing, setEditing] = useState<RuleSetView | 'new' | null>(null);
  if (!sets.data) return <CenteredMessage loading={!sets.error}>{sets.error?.message}</CenteredMessage>;
  const latest = sets.data.ruleSets[sets.data.ruleSets.length - 1];
  return (
    <>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          每件投诉按收到之日施行的规则集计算期限。修改时限只影响此后开始计算的期限；规则变化时请新增规则集并填写施行日期。
        </Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')}>
          新增规则集
        </Button>
      </Stack>
      {sets.error && <Alert severity="error">{sets.error.message}</Alert>}
      <Table size="small" aria-label="时限规则集">
        <TableHead>
          <TableRow>
            <TableCell>规则集</TableCell>
            <TableCell sx={{ width: 130 }}>施行日期</TableCell>
            <TableCell>时限</TableCell>
            <TableCell sx={{ width: 90 }} align="right">
              适用案件
            </TableCell>
            <TableCell sx={{ width: 90 }} />
          </TableRow>
        </TableHead>
        <TableBody>
          {sets.data.ruleSets.map((s) => (
            <TableRow key={s.code} sx={{ verticalAlign: 'top' }}>
              <TableCell>
                {s.name}
                <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                  {s.code}
                </Typography>
              </TableCell>
              <TableCell>{formatDateCn(s.effectiveFrom)}</TableCell>
              <TableCell>
                {ruleLimitKinds.map((k) => (
                  <Typography key={k} variant="body2" component="span" sx={{ display: 'inline-block', mr: 2 }}>
                    {deadlineKindLabel[k]} {limitText(s.limits[k])}
                  </Typography>
                ))}
              </TableCell>
              <TableCell align="right">{s.cases}</TableCell>
              <TableCell>
                <Button size="small" onClick={() => setEditing(s)} aria-label={`修改 ${s.name}`}>
                  修改
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {editing && latest && (
        <RuleSetDialog
          set={editing === 'new' ? null : editing}
          template={latest}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            sets.reload();
          }}
        />
      )}
    </>
  );
}
