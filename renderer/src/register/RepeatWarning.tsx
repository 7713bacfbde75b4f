import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { caseStatusLabel } from '../../../shared/domain/caseStatus';
import { formatDateCn } from '../format';
import { EarlierCaseDialog } from './EarlierCaseDialog';
import type { RegisterForm } from './registerForm';
import { useRepeats } from './useRegisterLookups';

interface Props {
  form: RegisterForm;
  /** The earlier complaint the clerk chose to link the new one to (sent as `repeatOf`), or null. */
  repeatOf: number | null;
  onRepeatOf: (id: number | null) => void;
}

/**
 * 重复投诉 before saving (issue [B]; API.md `cases.repeats`): as soon as the complainant's phone or
 * ID number and the business are filled, the earlier complaints of the same person against the
 * same business within the office's window (the core's setting and rule), each one to read in a
 * dialog over the form, and the choice to link the new complaint to one of them.
 */
export function RepeatWarning({ form, repeatOf, onRepeatOf }: Props) {
  const [phone, idType, idNumber, respondentId, respondentName, creditCode, receivedAt] = form.watch([
    'complainant.phone',
    'complainant.idType',
    'complainant.idNumber',
    'respondent.id',
    'respondent.name',
    'respondent.creditCode',
    'receivedAt',
  ]);
  const answer = useRepeats({ phone, idType, idNumber }, { id: respondentId, name: respondentName, creditCode }, receivedAt);
  const [reading, setReading] = useState<number | null>(null);
  const rows = answer?.rows ?? [];

  // A link to a case no longer listed (the business or the phone changed) is dropped, never sent stale.
  const stale = answer !== null && repeatOf !== null && !rows.some((r) => r.id === repeatOf);
  useEffect(() => {
    if (stale) onRepeatOf(null);
  }, [stale, onRepeatOf]);

  if (!answer || rows.length === 0) return null;
  const toggle = (id: number) => onRepeatOf(repeatOf === id ? null : id);
  return (
    <Alert severity="warning" data-testid="repeat-warning" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <AlertTitle>
        该投诉人 {answer.windowDays} 天内已投诉过同一经营者 {rows.length} 次
      </AlertTitle>
      <Typography variant="body2" sx={{ mb: 0.5 }}>
        请核对是否为同一事项：点案件编号查看（已填写的内容不受影响）；属重复投诉的，勾选“关联为重复投诉”，保存后两案互相显示关联。
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {rows.map((r) => (
          <Box component="li" key={r.id} sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
            <Link component="button" type="button" variant="body2" onClick={() => setReading(r.id)} sx={{ fontWeight: 600 }}>
              {r.caseNo}
            </Link>
            <Typography variant="body2">
              {formatDateCn(r.receivedAt)} · {caseStatusLabel[r.status]} · {r.subject}
            </Typography>
            <FormControlLabel
              sx={{ ml: 'auto' }}
              control={<Checkbox size="small" checked={repeatOf === r.id} onChange={() => toggle(r.id)} />}
              label={`关联为重复投诉（${r.caseNo}）`}
            />
          </Box>
        ))}
      </Box>
      {reading !== null && (
        <EarlierCaseDialog
          id={reading}
          linked={repeatOf === reading}
          onClose={() => setReading(null)}
          onLink={() => {
            toggle(reading);
            setReading(null);
          }}
        />
      )}
    </Alert>
  );
}
