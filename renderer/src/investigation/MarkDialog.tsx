import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import type { CaseDetail } from '../../../shared/api/schemas/cases';
import type { ChecklistItemView, EvidenceView } from '../../../shared/api/schemas/evidence';
import { checklistStateLabel, checklistStates, evidenceKindLabel, type ChecklistState } from '../../../shared/domain/evidence';
import { useApi } from '../api/ApiContext';

interface Props {
  c: CaseDetail;
  item: ChecklistItemView | null;
  onClose: () => void;
  onSaved: () => void;
}

/** Marks one checklist item: its state, a note, and the evidence that satisfies it. */
export function MarkDialog({ c, item, onClose, onSaved }: Props) {
  const api = useApi();
  const [state, setState] = useState<ChecklistState>('todo');
  const [note, setNote] = useState('');
  const [linked, setLinked] = useState<EvidenceView[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!item) return;
    setState(item.state === 'todo' ? 'done' : item.state);
    setNote(item.note ?? '');
    setLinked(c.evidence.filter((e) => item.evidenceIds.includes(e.id)));
    setProblem(null);
  }, [item, c.evidence]);

  // Voided items stay linkable only where they already were: they are on the record, not offered anew.
  const options = c.evidence.filter((e) => !e.voided || item?.evidenceIds.includes(e.id));

  const save = async () => {
    if (!item) return;
    setSaving(true);
    const r = await api.call('checklist.mark', { caseId: c.id, itemId: item.id, state, note, evidenceIds: linked.map((e) => e.id) });
    setSaving(false);
    if (!r.ok) return setProblem(r.error.message);
    onSaved();
    onClose();
  };

  return (
    <Dialog open={item !== null} onClose={onClose} maxWidth="sm" fullWidth>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <DialogTitle>{item?.text}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 0.5 }}>
            {problem && <Alert severity="error">{problem}</Alert>}
            <RadioGroup row value={state} onChange={(e) => setState(e.target.value as ChecklistState)} aria-label="状态">
              {checklistStates.map((s) => (
                <FormControlLabel key={s} value={s} control={<Radio />} label={checklistStateLabel[s]} />
              ))}
            </RadioGroup>
            <Autocomplete
              multiple
              options={options}
              value={linked}
              onChange={(_e, v) => setLinked(v)}
              getOptionLabel={(e) => `证据${e.id}：${e.name}`}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              renderOption={(props, e) => (
                <li {...props} key={e.id}>
                  证据{e.id}：{e.name}（{evidenceKindLabel[e.kind]}）
                </li>
              )}
              noOptionsText="本案还没有证据，请先在“证据”中添加"
              renderInput={(params) => <TextField {...params} label="满足此项的证据" />}
            />
            <TextField label="备注" multiline minRows={2} value={note} onChange={(e) => setNote(e.target.value)} slotProps={{ htmlInput: { maxLength: 500 } }} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>取消</Button>
          <Button type="submit" variant="contained" disabled={saving}>
            保存
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
