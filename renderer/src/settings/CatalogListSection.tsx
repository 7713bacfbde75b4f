import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import type { ListItem } from '../../../shared/api/schemas/catalog';
import { LIST_NAME_MAX, listLabel, splitWords, statisticsGroups, type EditableKind, type StatisticsGroup } from '../../../shared/domain/catalogLists';
import { useApi } from '../api/ApiContext';

interface Line {
  /** The saved item's code (a rename keeps it); absent for one added here. */
  code?: string;
  name: string;
  group: StatisticsGroup;
  /** The everyday words as typed ("手机 电脑、平板"), split when saved. */
  words: string;
  active: boolean;
  /** React's key, stable while the line moves. */
  key: string;
}

let nextKey = 0;
const lineOf = (i: ListItem): Line => ({ code: i.code, name: i.name, group: i.group ?? '商品类', words: (i.words ?? []).join('、'), active: i.active, key: `l${++nextKey}` });
const itemOf = (kind: EditableKind, l: Line): ListItem => ({
  ...(l.code ? { code: l.code } : {}),
  name: l.name,
  ...(kind === 'category' ? { group: l.group, words: splitWords(l.words) } : {}),
  active: l.active,
});

/** Errors of a line's field, zod's (`items.3.words.1`) and the core's (`items.3.name`) alike. */
const errorOf = (errors: Record<string, string>, prefix: string) => Object.entries(errors).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1];

/**
 * One list as an administrator edits it: rename in place, move up or down, retire (停用) or bring
 * back (启用), add at the end; saved as a whole through `catalog.saveList`, which refuses a list that
 * would leave no active item, a name twice or an empty one, changing nothing. A category's 统计大类
 * is picked when it is added and fixed after (统计 keeps counting it in the group it was counted in).
 */
export function CatalogListSection({ kind, saved, onSaved }: { kind: EditableKind; saved: ListItem[]; onSaved: () => void }) {
  const api = useApi();
  const label = listLabel(kind);
  const isCategory = kind === 'category';
  const [lines, setLines] = useState<Line[]>(() => saved.map(lineOf));
  const [adding, setAdding] = useState<{ name: string; group: StatisticsGroup; words: string }>({ name: '', group: '商品类', words: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const addRef = useRef<HTMLInputElement>(null);

  const change = (next: Line[]) => {
    setLines(next);
    setNotice(null);
  };
  const edit = (key: string, patch: Partial<Line>) => change(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...lines];
    const [line] = next.splice(i, 1);
    next.splice(i + by, 0, line!);
    change(next);
  };
  const add = () => {
    const name = adding.name.trim();
    if (!name) {
      setErrors({ adding: `请填写${label}名称` });
      return;
    }
    const same = lines.find((l) => l.name.trim() === name);
    if (same) {
      setErrors({ adding: same.active ? `已有${label}“${name}”` : `已停用的${label}中有“${name}”，请在列表中点“启用”` });
      return;
    }
    change([...lines, lineOf({ name, group: adding.group, words: splitWords(adding.words), active: true })]);
    setAdding({ ...adding, name: '', words: '' });
    setErrors({});
    addRef.current?.focus();
  };
  const save = async () => {
    setBusy(true);
    const r = await api.call('catalog.saveList', { kind, items: lines.map((l) => itemOf(kind, l)) });
    setBusy(false);
    if (!r.ok) {
      setErrors(r.error.fields ?? {});
      setNotice({ severity: 'error', text: r.error.message });
      return;
    }
    setErrors({});
    setLines(r.value.items.map(lineOf));
    const active = r.value.items.filter((i) => i.active).length;
    setNotice({ severity: 'success', text: `已保存${label}：启用 ${active} 项，停用 ${r.value.items.length - active} 项。登记表立即可选；停用的不再供新案件选择，已登记的案件中仍显示其名称。` });
    onSaved();
  };

  return (
    <Stack spacing={1.5} component="form" aria-label={label} onSubmit={(e) => e.preventDefault()}>
      {notice && <Alert severity={notice.severity}>{notice.text}</Alert>}
      {errors.items && <Alert severity="error">{errors.items}</Alert>}
      <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1, maxHeight: 'calc(100vh - 420px)', minHeight: 200, maxWidth: isCategory ? undefined : 720 }}>
        <Table size="small" stickyHeader aria-label={`${label}列表`} sx={{ '& td': { py: 0.5 }, '& th': { whiteSpace: 'nowrap' } }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 56 }}>序号</TableCell>
              <TableCell sx={{ width: 240 }}>名称</TableCell>
              {isCategory && <TableCell sx={{ width: 120 }}>统计大类</TableCell>}
              {isCategory && <TableCell>常用词（登记时输入这些词也能找到该类别）</TableCell>}
              <TableCell sx={{ width: 80 }}>状态</TableCell>
              <TableCell sx={{ width: 170 }} align="right">
                操作
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((line, i) => (
              <TableRow key={line.key} sx={line.active ? undefined : { '& td': { color: 'text.disabled' }, bgcolor: 'action.hover' }}>
                <TableCell>{i + 1}</TableCell>
                <TableCell>
                  <TextField
                    size="small"
                    fullWidth
                    value={line.name}
                    onChange={(e) => edit(line.key, { name: e.target.value })}
                    error={!!errorOf(errors, `items.${i}.name`)}
                    helperText={errorOf(errors, `items.${i}.name`) ?? (line.code ? undefined : '新增')}
                    slotProps={{ htmlInput: { maxLength: LIST_NAME_MAX, 'aria-label': `${label} ${i + 1} 名称` } }}
                  />
                </TableCell>
                {isCategory && (
                  <TableCell>
                    {line.code ? (
                      <Typography variant="body2" color={errorOf(errors, `items.${i}.group`) ? 'error' : undefined} title="统计大类在新增时选定，此后不变">
                        {line.group}
                      </Typography>
                    ) : (
                      <TextField select size="small" value={line.group} onChange={(e) => edit(line.key, { group: e.target.value as StatisticsGroup })} slotProps={{ htmlInput: { 'aria-label': `${label} ${i + 1} 统计大类` } }}>
                        {statisticsGroups.map((g) => (
                          <MenuItem key={g} value={g}>
                            {g}
                          </MenuItem>
                        ))}
                      </TextField>
                    )}
                  </TableCell>
                )}
                {isCategory && (
                  <TableCell>
                    <TextField
                      size="small"
                      fullWidth
                      value={line.words}
                      placeholder="如 手机、电脑，以顿号或空格分隔"
                      onChange={(e) => edit(line.key, { words: e.target.value })}
                      error={!!errorOf(errors, `items.${i}.words`)}
                      helperText={errorOf(errors, `items.${i}.words`)}
                      slotProps={{ htmlInput: { 'aria-label': `${label} ${i + 1} 常用词` } }}
                    />
                  </TableCell>
                )}
                <TableCell>{line.active ? '启用' : '已停用'}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <IconButton size="small" aria-label={`上移 ${line.name}`} disabled={i === 0} onClick={() => move(i, -1)}>
                    <ArrowUpwardIcon fontSize="small" />
                  </IconButton>
                  <IconButton size="small" aria-label={`下移 ${line.name}`} disabled={i === lines.length - 1} onClick={() => move(i, 1)}>
                    <ArrowDownwardIcon fontSize="small" />
                  </IconButton>
                  <Button size="small" color={line.active ? 'warning' : 'primary'} onClick={() => edit(line.key, { active: !line.active })} aria-label={`${line.active ? '停用' : '启用'} ${line.name}`}>
                    {line.active ? '停用' : '启用'}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          size="small"
          label={`新${label}名称`}
          inputRef={addRef}
          value={adding.name}
          onChange={(e) => {
            setAdding({ ...adding, name: e.target.value });
            if (errors.adding) setErrors({});
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          error={!!errors.adding}
          helperText={errors.adding ?? '按 Enter 加入列表'}
          slotProps={{ htmlInput: { maxLength: LIST_NAME_MAX } }}
          sx={{ width: 220 }}
        />
        {isCategory && (
          <TextField select size="small" label="统计大类" value={adding.group} onChange={(e) => setAdding({ ...adding, group: e.target.value as StatisticsGroup })} sx={{ width: 120 }}>
            {statisticsGroups.map((g) => (
              <MenuItem key={g} value={g}>
                {g}
              </MenuItem>
            ))}
          </TextField>
        )}
        {isCategory && (
          <TextField
            size="small"
            label="常用词"
            value={adding.words}
            onChange={(e) => setAdding({ ...adding, words: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
            helperText="以顿号或空格分隔，如 预付卡、办卡"
            sx={{ width: 300 }}
          />
        )}
        <Button startIcon={<AddIcon />} onClick={add} sx={{ height: 40 }}>
          加入
        </Button>
        <div style={{ flex: 1 }} />
        <Button variant="contained" onClick={() => void save()} disabled={busy} sx={{ height: 40 }}>
          保存{label}
        </Button>
      </Stack>
    </Stack>
  );
}
