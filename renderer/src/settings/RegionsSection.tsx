import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api/ApiContext';
import { useApiQuery } from '../api/useApiQuery';

interface Line {
  /** The saved region's code (a rename keeps it); absent for one added here. */
  code?: string;
  name: string;
  /** React's key, stable while the line moves. */
  key: string;
}

let nextKey = 0;
const lineOf = (r: { code?: string; name: string }): Line => ({ ...r, key: `r${++nextKey}` });

/**
 * 地区 (administrators): the office's own list of districts or towns, offered on the registration
 * form and counted in 统计. Renaming keeps a region's code, so its cases follow the new name; a
 * region taken off the list is retired, not deleted: cases and statistics keep its name.
 */
export function RegionsSection() {
  const api = useApi();
  const catalog = useApiQuery('catalog.get', {});
  const [lines, setLines] = useState<Line[] | null>(null);
  const [adding, setAdding] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const addRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (catalog.data && lines === null) setLines(catalog.data.regions.map(lineOf));
  }, [catalog.data, lines]);

  if (!lines) return <Typography color="text.secondary">{catalog.error?.message ?? '正在读取…'}</Typography>;

  const change = (next: Line[]) => {
    setLines(next);
    setNotice(null);
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...lines];
    const [line] = next.splice(i, 1);
    next.splice(i + by, 0, line!);
    change(next);
  };
  const add = () => {
    const name = adding.trim();
    if (!name) return;
    if (lines.some((l) => l.name.trim() === name)) {
      setErrors({ adding: `已有地区“${name}”` });
      return;
    }
    change([...lines, lineOf({ name })]);
    setAdding('');
    setErrors({});
    addRef.current?.focus();
  };
  const save = async () => {
    setBusy(true);
    const r = await api.call('catalog.saveRegions', { regions: lines.map(({ code, name }) => ({ ...(code ? { code } : {}), name })) });
    setBusy(false);
    if (!r.ok) {
      setErrors(r.error.fields ?? {});
      setNotice({ severity: 'error', text: r.error.message });
      return;
    }
    setErrors({});
    setLines(r.value.regions.map(lineOf));
    setNotice({ severity: 'success', text: `已保存 ${r.value.regions.length} 个地区。登记表立即可选；删去的地区不再供选择，已登记的案件和统计中仍保留其名称。` });
    catalog.reload();
  };

  return (
    <Stack spacing={1.5} component="form" aria-label="地区" onSubmit={(e) => e.preventDefault()} sx={{ maxWidth: 560 }}>
      {notice && <Alert severity={notice.severity}>{notice.text}</Alert>}
      {lines.length === 0 && <Typography color="text.secondary">尚未设置地区：登记表不显示“地区”一项，统计中全部计为“未填写”。</Typography>}
      {lines.length > 0 && (
        <Paper variant="outlined" component="ol" sx={{ m: 0, p: 1, listStyle: 'none' }} aria-label="地区列表">
          {lines.map((line, i) => (
            <Stack component="li" key={line.key} direction="row" spacing={1} sx={{ alignItems: 'flex-start', py: 0.5 }}>
              <Typography sx={{ width: 28, pt: 1, textAlign: 'right', color: 'text.secondary' }}>{i + 1}.</Typography>
              <TextField
                label={`地区 ${i + 1}`}
                value={line.name}
                onChange={(e) => change(lines.map((l) => (l.key === line.key ? { ...l, name: e.target.value } : l)))}
                error={!!errors[`regions.${i}.name`]}
                helperText={errors[`regions.${i}.name`] ?? (line.code ? undefined : '新增')}
                slotProps={{ htmlInput: { maxLength: 30 } }}
              />
              <IconButton aria-label={`上移 ${line.name}`} disabled={i === 0} onClick={() => move(i, -1)}>
                <ArrowUpwardIcon fontSize="small" />
              </IconButton>
              <IconButton aria-label={`下移 ${line.name}`} disabled={i === lines.length - 1} onClick={() => move(i, 1)}>
                <ArrowDownwardIcon fontSize="small" />
              </IconButton>
              <IconButton aria-label={`删去 ${line.name}`} onClick={() => change(lines.filter((l) => l.key !== line.key))}>
                <DeleteOutlineIcon fontSize="small" />
              </IconButton>
            </Stack>
          ))}
        </Paper>
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label="新地区名称"
          inputRef={addRef}
          value={adding}
          onChange={(e) => {
            setAdding(e.target.value);
            if (errors.adding) setErrors({});
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          error={!!errors.adding}
          helperText={errors.adding ?? '如 西湖区、留下街道；按 Enter 加入列表'}
          slotProps={{ htmlInput: { maxLength: 30 } }}
          sx={{ maxWidth: 300 }}
        />
        <Button startIcon={<AddIcon />} onClick={add} sx={{ height: 40 }}>
          加入
        </Button>
      </Stack>
      <div>
        <Button variant="contained" onClick={() => void save()} disabled={busy}>
          保存地区列表
        </Button>
      </div>
    </Stack>
  );
}
