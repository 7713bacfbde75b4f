import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../api/ApiContext';
import { useApiQuery } from '../api/useApiQuery';
import { CenteredMessage } from '../common/CenteredMessage';
import { formatDateTime } from '../format';

/** 调查清单模板: one category's items, edited and saved as a new version; cases keep theirs. */
export function ChecklistTemplatesSection() {
  const api = useApi();
  const list = useApiQuery('checklistTemplates.list', {});
  const [category, setCategory] = useState('');
  const [items, setItems] = useState<string[]>([]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const templates = useMemo(() => list.data?.templates ?? [], [list.data]);
  const current = templates.find((t) => t.category.code === category);

  useEffect(() => {
    if (!category && templates[0]) setCategory(templates[0].category.code);
  }, [category, templates]);
  useEffect(() => {
    setItems(current ? [...current.items] : []);
    setFields({});
  }, [current]);

  const move = (i: number, by: -1 | 1) =>
    setItems((list) => {
      const next = [...list];
      [next[i], next[i + by]] = [next[i + by]!, next[i]!];
      return next;
    });

  const save = async () => {
    setNotice(null);
    const r = await api.call('checklistTemplates.save', { category, items });
    if (!r.ok) {
      setFields(r.error.fields ?? {});
      return setNotice({ severity: 'error', text: r.error.message });
    }
    setNotice({ severity: 'success', text: `已保存为第 ${r.value.version} 版。此后登记的该类案件使用新版本，已登记的案件保留原来的清单。` });
    list.reload();
  };

  if (!list.data) return <CenteredMessage loading={!list.error}>{list.error?.message}</CenteredMessage>;
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField select label="投诉类别" value={category} onChange={(e) => setCategory(e.target.value)} sx={{ maxWidth: 280 }}>
          {templates.map((t) => (
            <MenuItem key={t.category.code} value={t.category.code}>
              {t.category.group} · {t.category.name}
            </MenuItem>
          ))}
        </TextField>
        {current && (
          <Typography variant="body2" color="text.secondary" data-testid="template-version">
            {current.version === 0 ? '尚无模板' : `现行第 ${current.version} 版`}
            {current.savedAt ? `，${current.savedBy?.displayName ?? ''} 于 ${formatDateTime(current.savedAt)} 保存` : current.version ? '（随程序提供）' : ''}
          </Typography>
        )}
      </Stack>
      {notice && (
        <Alert severity={notice.severity} onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      )}
      <Stack component="ol" spacing={1} sx={{ m: 0, pl: 0, listStyle: 'none' }} aria-label="清单事项">
        {items.map((text, i) => (
          <Stack component="li" key={i} direction="row" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
            <TextField
              label={`第 ${i + 1} 项`}
              value={text}
              onChange={(e) => setItems((list) => list.map((t, j) => (j === i ? e.target.value : t)))}
              error={!!fields[`items.${i}`]}
              helperText={fields[`items.${i}`]}
              slotProps={{ htmlInput: { maxLength: 100 } }}
            />
            <IconButton aria-label={`上移第 ${i + 1} 项`} disabled={i === 0} onClick={() => move(i, -1)}>
              <ArrowUpwardIcon fontSize="small" />
            </IconButton>
            <IconButton aria-label={`下移第 ${i + 1} 项`} disabled={i === items.length - 1} onClick={() => move(i, 1)}>
              <ArrowDownwardIcon fontSize="small" />
            </IconButton>
            <IconButton aria-label={`删除第 ${i + 1} 项`} onClick={() => setItems((list) => list.filter((_t, j) => j !== i))}>
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Stack>
        ))}
      </Stack>
      <Stack direction="row" spacing={1}>
        <Button startIcon={<AddIcon />} onClick={() => setItems((list) => [...list, ''])}>
          增加一项
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={!category}>
          保存为新版本
        </Button>
      </Stack>
    </Stack>
  );
}
