import AddIcon from '@mui/icons-material/Add';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import EditIcon from '@mui/icons-material/Edit';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { CaseDetail } from '../../../shared/api/schemas/cases';
import type { ChecklistItemView } from '../../../shared/api/schemas/evidence';
import { checklistStateLabel, checklistStates, type ChecklistState } from '../../../shared/domain/evidence';
import { useApi } from '../api/ApiContext';
import { CenteredMessage } from '../common/CenteredMessage';
import { formatDateTime } from '../format';
import { MarkDialog } from './MarkDialog';

interface Props {
  c: CaseDetail;
  onChanged: () => void;
  onShowEvidence: () => void;
}

/** 调查: the checklist of the case's category, each item 待办 / 已完成 / 不适用 with a note, who, when and its evidence. */
export function ChecklistTab({ c, onChanged, onShowEvidence }: Props) {
  const api = useApi();
  const [editing, setEditing] = useState<ChecklistItemView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [newItem, setNewItem] = useState('');
  const [adding, setAdding] = useState(false);
  const { writable, reason } = c.investigation;
  const names = new Map(c.evidence.map((e) => [e.id, e]));
  const done = c.checklist.filter((i) => i.state === 'done').length;
  const na = c.checklist.filter((i) => i.state === 'na').length;

  const setState = async (item: ChecklistItemView, state: ChecklistState) => {
    setProblem(null);
    const r = await api.call('checklist.mark', { caseId: c.id, itemId: item.id, state });
    if (!r.ok) setProblem(r.error.message);
    onChanged();
  };

  const add = async () => {
    setAdding(true);
    setProblem(null);
    const r = await api.call('checklist.addItem', { caseId: c.id, text: newItem });
    setAdding(false);
    if (!r.ok) return setProblem(r.error.message);
    setNewItem('');
    onChanged();
  };

  return (
    <Stack spacing={1.5}>
      <Typography variant="body2" color="text.secondary" data-testid="checklist-summary">
        {c.checklistOrigin ? `清单模板：${c.category.name} 第 ${c.checklistOrigin.version} 版` : '该类别暂无清单模板'} · 共 {c.checklist.length} 项，已完成 {done} 项，不适用 {na} 项
      </Typography>
      {!writable && reason && <Alert severity="info">{reason}</Alert>}
      {problem && (
        <Alert severity="error" onClose={() => setProblem(null)}>
          {problem}
        </Alert>
      )}
      {c.checklist.length === 0 && <CenteredMessage>调查清单为空，可在下方为本案增加事项</CenteredMessage>}
      <Box component="ol" aria-label="调查清单" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {c.checklist.map((item, i) => (
          <Box
            component="li"
            key={item.id}
            data-testid="checklist-item"
            sx={{ display: 'grid', gridTemplateColumns: '28px minmax(0, 1fr) auto', gap: 1.5, alignItems: 'start', py: 1.25, borderBottom: 1, borderColor: 'divider' }}
          >
            <Typography color="text.secondary">
              {i + 1}.
            </Typography>
            <Box sx={{ minWidth: 0 }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography sx={{ fontWeight: 500, textDecoration: item.state === 'na' ? 'line-through' : undefined }}>{item.text}</Typography>
                {item.addedToCase && <Chip size="small" variant="outlined" label="本案增加" />}
              </Stack>
              {item.note && (
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>
                  {item.note}
                </Typography>
              )}
              {item.evidenceIds.length > 0 && (
                <Stack direction="row" spacing={0.75} sx={{ mt: 0.75, flexWrap: 'wrap', rowGap: 0.75 }} aria-label="关联的证据">
                  {item.evidenceIds.map((id) => (
                    <Chip
                      key={id}
                      size="small"
                      icon={<AttachFileIcon />}
                      label={`证据${id}：${names.get(id)?.name ?? ''}${names.get(id)?.voided ? '（已作废）' : ''}`}
                      onClick={onShowEvidence}
                    />
                  ))}
                </Stack>
              )}
              {item.markedBy && item.markedAt && (
                <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
                  {item.markedBy.displayName} 于 {formatDateTime(item.markedAt)} 标记为“{checklistStateLabel[item.state]}”
                </Typography>
              )}
            </Box>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <ToggleButtonGroup
                size="small"
                exclusive
                value={item.state}
                disabled={!writable}
                aria-label={`${item.text} 的状态`}
                onChange={(_e, v: ChecklistState | null) => v && v !== item.state && void setState(item, v)}
              >
                {checklistStates.map((s) => (
                  <ToggleButton key={s} value={s} color={s === 'done' ? 'success' : 'standard'} sx={{ px: 1.25, py: 0.25 }}>
                    {checklistStateLabel[s]}
                  </ToggleButton>
                ))}
              </ToggleButtonGroup>
              <Button size="small" startIcon={<EditIcon />} disabled={!writable} onClick={() => setEditing(item)} aria-label={`编辑：${item.text}`}>
                编辑
              </Button>
            </Stack>
          </Box>
        ))}
      </Box>
      {writable && (
        <Stack
          component="form"
          direction="row"
          spacing={1}
          sx={{ alignItems: 'flex-start', pt: 1 }}
          onSubmit={(e) => {
            e.preventDefault();
            if (newItem.trim()) void add();
          }}
        >
          <TextField label="为本案增加事项" value={newItem} onChange={(e) => setNewItem(e.target.value)} sx={{ maxWidth: 480 }} slotProps={{ htmlInput: { maxLength: 100 } }} />
          <Button type="submit" variant="outlined" startIcon={<AddIcon />} disabled={adding || !newItem.trim()}>
            增加
          </Button>
        </Stack>
      )}
      <MarkDialog c={c} item={editing} onClose={() => setEditing(null)} onSaved={onChanged} />
    </Stack>
  );
}
