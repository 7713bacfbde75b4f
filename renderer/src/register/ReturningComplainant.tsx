import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { idTypeLabel } from '../../../shared/domain/caseStatus';
import { caseStatusLabel } from '../../../shared/domain/caseStatus';
import { formatDateCn } from '../format';
import type { RegisterForm } from './registerForm';
import { useReturningComplainant, type ReturningPerson } from './useRegisterLookups';

const FILL_KEY = 'Alt+Y';
const personKey = (p: ReturningPerson) => `${p.name}|${p.idNumber ?? ''}|${p.phone}`;

/**
 * 回头投诉人 (issue [B]): typing a phone or an ID number offers the person already on the register,
 * with their earlier complaints; one click (or Alt+Y for the first) fills the complainant's fields.
 */
export function ReturningComplainant({ form }: { form: RegisterForm }) {
  const [phone, idType, idNumber, name] = form.watch(['complainant.phone', 'complainant.idType', 'complainant.idNumber', 'complainant.name']);
  const people = useReturningComplainant({ phone, idType, idNumber });
  const [settled, setSettled] = useState<ReadonlySet<string>>(new Set());
  // Offered until filled or waved away; a person whose name is already typed is not offered again.
  const offered = people.filter((p) => !settled.has(personKey(p)) && p.name !== name.trim());

  const fill = (p: ReturningPerson) => {
    const how = { shouldDirty: true, shouldValidate: form.formState.isSubmitted };
    form.setValue('complainant.name', p.name, how);
    form.setValue('complainant.idType', p.idType, how);
    form.setValue('complainant.idNumber', p.idNumber ?? '', how);
    form.setValue('complainant.phone', p.phone, how);
    form.setValue('complainant.address', p.address ?? '', how);
    setSettled((s) => new Set(s).add(personKey(p)));
  };

  const first = offered[0];
  useEffect(() => {
    if (!first) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyY') {
        e.preventDefault();
        fill(first);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  if (!first) return null;
  return (
    <Grid size={12}>
    <Alert
      severity="info"
      variant="outlined"
      data-testid="returning-complainant"
      onClose={() => setSettled((s) => new Set([...s, ...offered.map(personKey)]))}
      slotProps={{ closeButton: { title: '不是此人，不再提示' } }}
      sx={{ '& .MuiAlert-message': { width: '100%' } }}
    >
      <AlertTitle>登记簿中已有此投诉人</AlertTitle>
      {offered.map((p, i) => (
        <Box key={personKey(p)} sx={{ mt: i ? 1.5 : 0 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {p.name}
            </Typography>
            <Typography variant="body2">
              {[p.idNumber ? `${idTypeLabel[p.idType]} ${p.idNumber}` : null, p.phone, p.address].filter(Boolean).join(' · ')}
            </Typography>
            <Button size="small" variant="contained" onClick={() => fill(p)} aria-keyshortcuts={i === 0 ? FILL_KEY : undefined}>
              填入此人信息{i === 0 ? `（${FILL_KEY}）` : ''}
            </Button>
          </Box>
          <Typography variant="caption" color="text.secondary" component="div">
            以往投诉 {p.caseCount} 件{p.caseCount > p.cases.length ? `，最近 ${p.cases.length} 件` : ''}：
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {p.cases.map((c) => (
              <Typography key={c.id} component="li" variant="caption">
                {c.caseNo} · {formatDateCn(c.receivedAt)} · {c.respondentName} · {c.subject} · {caseStatusLabel[c.status]}
              </Typography>
            ))}
          </Box>
        </Box>
      ))}
    </Alert>
    </Grid>
  );
}
