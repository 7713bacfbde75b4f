import SearchIcon from '@mui/icons-material/Search';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DataGrid, useGridApiRef } from '@mui/x-data-grid';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { respondentSorts, type RespondentSortKey } from '../../../shared/api/schemas/respondents';
import { useApiQuery } from '../api/useApiQuery';
import { useDebouncedValue } from '../common/useDebouncedValue';
import { countText } from '../cases/listFormat';
import { dataGridZhCN } from '../theme';
import { respondentColumns } from './respondentColumns';
import { fillMain } from '../shell/fillMain';

const localeText = { ...dataGridZhCN.components.MuiDataGrid.defaultProps.localeText, noRowsLabel: '没有符合条件的被投诉方' };
const PAGE_SIZE = 50;
export const sortLabel: Record<RespondentSortKey, string> = { cases: '投诉最多的在前', recent: '最近被投诉的在前', name: '按名称' };

/**
 * 被投诉方: the businesses on the register with their complaints, open cases and repeats (issue [B]).
 * Keyboard as the register: / to the search box, ↓ or Enter into the rows, Enter opens one, Esc back.
 */
export function RespondentListPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const sortParam = params.get('sort') as RespondentSortKey | null;
  const sort: RespondentSortKey = sortParam && (respondentSorts as readonly string[]).includes(sortParam) ? sortParam : 'cases';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [typed, setTyped] = useState(text);
  const debounced = useDebouncedValue(typed.trim(), 300);
  const searchRef = useRef<HTMLInputElement>(null);
  const apiRef = useGridApiRef();
  const [focusRows, setFocusRows] = useState(false);

  const update = useCallback(
    (change: { q?: string; sort?: RespondentSortKey; page?: number }) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(change)) {
            if (v === '' || v === undefined || (k === 'page' && v === 1) || (k === 'sort' && v === 'cases')) next.delete(k);
            else next.set(k, String(v));
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  // Only a change of what was typed pushes the address (Back keeps the search it comes back to).
  const settled = useRef(debounced);
  useEffect(() => {
    if (debounced === settled.current) return;
    settled.current = debounced;
    update({ q: debounced, page: 1 });
  }, [debounced, update]);

  const query = useApiQuery('respondents.list', { ...(text ? { text } : {}), sort, page, pageSize: PAGE_SIZE });
  const rows = useMemo(() => query.data?.rows ?? [], [query.data]);
  const open = (id: number | string) => void navigate(`/respondents/${id}`);
  const focusSearch = () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  };
  const focusFirstRow = useCallback(() => {
    const first = rows[0];
    if (!first) return;
    apiRef.current?.scrollToIndexes({ rowIndex: 0, colIndex: 0 });
    apiRef.current?.setCellFocus(first.id, 'name');
  }, [apiRef, rows]);
  useEffect(() => {
    if (!focusRows || query.loading) return;
    setFocusRows(false);
    focusFirstRow();
  }, [focusRows, query.loading, focusFirstRow]);
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const typing = !!t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
      if ((e.key === '/' && !typing && !e.ctrlKey && !e.altKey) || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k')) {
        e.preventDefault();
        focusSearch();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  const onSearchKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' && typed) {
      e.preventDefault();
      setTyped('');
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'Enter') return;
    e.preventDefault();
    if (typed.trim() !== text) update({ q: typed.trim(), page: 1 });
    setFocusRows(true);
  };

  const data = query.data;
  const last = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <Stack spacing={1.25} sx={fillMain}>
      <Typography variant="h5" component="h1">
        被投诉方
      </Typography>
      <Stack direction="row" spacing={1.25} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField
          label="搜索被投诉方"
          type="search"
          autoFocus
          inputRef={searchRef}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={onSearchKeyDown}
          placeholder="名称的一部分，或统一社会信用代码"
          sx={{ width: 360 }}
          slotProps={{
            input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> },
            htmlInput: { 'aria-keyshortcuts': '/ Control+K' },
          }}
        />
        <TextField select label="排序" value={sort} onChange={(e) => update({ sort: e.target.value as RespondentSortKey, page: 1 })} sx={{ width: 200 }}>
          {respondentSorts.map((s) => (
            <MenuItem key={s} value={s}>
              {sortLabel[s]}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ flexGrow: 1 }} />
        <Typography variant="caption" color="text.secondary" sx={{ display: { xs: 'none', lg: 'block' } }}>
          / 或 Ctrl+K 搜索 · ↓ 进入列表 · Enter 打开 · Esc 返回搜索
        </Typography>
      </Stack>
      <Typography role="status" aria-live="polite">
        共 <b data-testid="respondent-count">{data ? countText(data.total, data.more) : '…'}</b> 个被投诉方
        <Typography component="span" variant="body2" color="text.secondary">
          {' '}· 投诉件数不含已作废的案件；重复投诉指同一投诉人在设定天数内再次投诉同一经营者
        </Typography>
      </Typography>
      {query.error && <Alert severity="error">{query.error.message}</Alert>}
      <Paper variant="outlined" sx={{ flexGrow: 1, minHeight: 260, display: 'flex', flexDirection: 'column' }}>
        <Box sx={{ flexGrow: 1, minHeight: 0 }}>
          <DataGrid
            apiRef={apiRef}
            label="被投诉方列表"
            rows={rows}
            columns={respondentColumns}
            loading={query.loading}
            density="compact"
            getRowHeight={() => 'auto'}
            getEstimatedRowHeight={() => 44}
            hideFooter
            disableVirtualization
            paginationModel={{ page: 0, pageSize: 100 }}
            onRowClick={(p) => open(p.id)}
            onCellKeyDown={(p, e) => {
              if (e.key === 'Enter') {
                e.defaultMuiPrevented = true;
                open(p.id);
              } else if (e.key === 'Escape' || e.key === '/') {
                e.defaultMuiPrevented = true;
                e.preventDefault();
                focusSearch();
              }
            }}
            disableColumnFilter
            disableRowSelectionOnClick
            localeText={localeText}
            sx={{
              border: 0,
              '& .MuiDataGrid-row': { cursor: 'pointer' },
              '& .MuiDataGrid-cell': { py: '6px', lineHeight: 1.45, whiteSpace: 'normal', wordBreak: 'break-word', display: 'flex', alignItems: 'center' },
              '& .MuiDataGrid-row:focus-within': { bgcolor: 'action.selected' },
              '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 600 },
              '& .MuiDataGrid-columnHeader--last .MuiDataGrid-columnSeparator': { display: 'none' },
            }}
          />
        </Box>
        <Stack direction="row" spacing={1} component="nav" aria-label="翻页" sx={{ alignItems: 'center', justifyContent: 'flex-end', px: 1.5, py: 0.75, borderTop: 1, borderColor: 'divider' }}>
          <Typography variant="body2" color="text.secondary">
            第 {page} 页{data && !data.more ? `，共 ${last} 页` : ''}
          </Typography>
          <Button size="small" disabled={page <= 1} onClick={() => update({ page: page - 1 })}>
            上一页
          </Button>
          <Button size="small" disabled={!data || rows.length < PAGE_SIZE} onClick={() => update({ page: page + 1 })}>
            下一页
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
