import FileDownloadIcon from '@mui/icons-material/FileDownload';
import SearchIcon from '@mui/icons-material/Search';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import { shortFieldsOnly, wordsOf } from '../../../shared/domain/searchWords';
import { caseQueueLabel } from '../../../shared/domain/workflow';
import Collapse from '@mui/material/Collapse';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DataGrid, useGridApiRef } from '@mui/x-data-grid';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useApiQuery } from '../api/useApiQuery';
import { useDebouncedValue } from '../common/useDebouncedValue';
import { ExportDialog } from '../exports/ExportDialog';
import { useExport } from '../exports/useExport';
import { formatDateCn } from '../format';
import { dataGridZhCN } from '../theme';
import { caseColumnsFor } from './caseColumns';
import { countSet, figureFilterKeys, figureFilters, noFilters, searchInputOf, type CaseFilters } from './caseFilters';
import { MainFilters, moreFilterFields, MoreFilters } from './CaseListFilters';
import { CasePager } from './CasePager';
import { countText, indexingNote } from './listFormat';
import { pageInput, useRememberCursor } from './useCursorPages';
import { sortModelOf, sortOf, useCaseListParams } from './useCaseListParams';
import { fillMain } from '../shell/fillMain';

const localeText = { ...dataGridZhCN.components.MuiDataGrid.defaultProps.localeText, noRowsLabel: '没有符合条件的案件' };

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/**
 * 案件: the register, newest first, searched, filtered, sorted and paged on the core. Keyboard
 * first: / or Ctrl+K to the search box, ↓ or Enter into the rows, Enter opens a case, Esc back.
 */
export function CaseListPage() {
  const navigate = useNavigate();
  const [params, update] = useCaseListParams();
  const catalog = useApiQuery('catalog.get', {});
  const [typed, setTyped] = useState(params.text);
  const debounced = useDebouncedValue(typed.trim(), 300);
  const searchRef = useRef<HTMLInputElement>(null);
  const apiRef = useGridApiRef();
  const moreSet = countSet(params, moreFilterFields);
  const [moreOpen, setMoreOpen] = useState(moreSet > 0);
  const [focusRows, setFocusRows] = useState(false);
  const exporting = useExport();
  const [exportOpen, setExportOpen] = useState(false);

  // Pushed only when the typing settles, so Back or a nav click is not overridden by stale input.
  const pushed = useRef(debounced);
  const settled = useRef(debounced);
  useEffect(() => {
    // Only a change of what was typed is pushed, never a value the address has since replaced.
    if (debounced === settled.current) return;
    settled.current = debounced;
    if (debounced === pushed.current) return;
    pushed.current = debounced;
    update({ text: debounced, page: 1 });
  }, [debounced, update]);
  // The address changed by itself (Back, a link from 今日 or 统计): the box shows what is searched.
  useEffect(() => {
    if (params.text === pushed.current) return;
    pushed.current = params.text;
    setTyped(params.text);
  }, [params.text]);

  const setFilters = useCallback((change: Partial<CaseFilters>) => update({ ...change, page: 1 }), [update]);
  const filtersInput = { text: params.text || undefined, ...searchInputOf(params), sort: params.sort };
  const paged = { ...filtersInput, pageSize: params.pageSize };
  const query = useApiQuery('cases.search', pageInput(paged, params.page));
  useRememberCursor(paged, params.page, query.data, !query.loading && !query.error);
  const rows = useMemo(() => query.data?.rows ?? [], [query.data]);
  // The page the rows on screen belong to (the last answer stays shown while the next one loads).
  const [shownPage, setShownPage] = useState(params.page);
  useEffect(() => {
    if (!query.loading) setShownPage(params.page);
  }, [query.loading, params.page]);
  const words = query.data?.words;
  const columns = useMemo(() => caseColumnsFor(words ?? []), [words]);
  const open = (id: number | string) => void navigate(`/cases/${id}`);

  const focusSearch = () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  };
  const focusFirstRow = useCallback(() => {
    const first = rows[0];
    if (!first) return;
    apiRef.current?.scrollToIndexes({ rowIndex: 0, colIndex: 0 });
    apiRef.current?.setCellFocus(first.id, 'caseNo');
  }, [apiRef, rows]);

  // Into the rows once the answer for what was typed has come.
  useEffect(() => {
    if (!focusRows || query.loading) return;
    setFocusRows(false);
    focusFirstRow();
  }, [focusRows, query.loading, focusFirstRow]);

  // "/" (outside a field) or Ctrl+K anywhere: to the search box.
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target);
      const ctrlK = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k';
      if (!slash && !ctrlK) return;
      e.preventDefault();
      focusSearch();
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
    const now = typed.trim();
    if (now !== params.text) {
      pushed.current = now;
      update({ text: now, page: 1 });
    }
    setFocusRows(true);
  };

  const startExport = () => {
    setExportOpen(true);
    void exporting.start({ kind: 'register', filters: filtersInput });
  };

  const chips: { key: string; label: string; clear: Partial<CaseFilters>; testId?: string }[] = [
    ...(params.queue ? [{ key: 'queue', label: caseQueueLabel[params.queue], clear: { queue: '' as const }, testId: 'queue-filter' }] : []),
    ...figureFilterKeys.filter((k) => params[k]).map((k) => ({ key: k, label: figureFilters[k].label, clear: { [k]: false } })),
    ...(params.inTime ? [{ key: 'inTime', label: params.inTime === '1' ? '按期办结' : '有期限逾期办结', clear: { inTime: '' as const } }] : []),
    ...(params.open ? [{ key: 'open', label: '办理中', clear: { open: false } }] : []),
    ...(params.registered ? [{ key: 'registered', label: `${formatDateCn(params.registered)}登记`, clear: { registered: '' } }] : []),
  ];
  const anyFilter = countSet(params, Object.keys(noFilters) as (keyof CaseFilters)[]) > 0;
  const data = query.data;
  const indexing = indexingNote(data?.indexing);

  return (
    <Stack spacing={1.25} sx={fillMain}>
      <Typography variant="h5" component="h1">
        案件
      </Typography>
      <Stack direction="row" spacing={1.25} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', flexShrink: 0 }}>
        <TextField
          label="搜索"
          type="search"
          autoFocus
          inputRef={searchRef}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={onSearchKeyDown}
          placeholder="姓名、电话、编号、商家、投诉事实"
          sx={{ width: 360 }}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
              endAdornment: (
                <InputAdornment position="end">
                  <Box component="kbd" sx={{ fontSize: 11, color: 'text.disabled', fontFamily: 'inherit' }} aria-hidden>
                    /
                  </Box>
                </InputAdornment>
              ),
            },
            htmlInput: { 'aria-keyshortcuts': '/ Control+K', 'aria-describedby': 'search-keys' },
          }}
        />
        <MainFilters filters={params} set={setFilters} catalog={catalog.data} moreOpen={moreOpen} moreSet={moreSet} onMore={() => setMoreOpen((o) => !o)} />
      </Stack>
      {/* Not shrunk by the page's fixed height: its overflow is hidden, so its second row slid under the count (1366 × 768). */}
      <Collapse in={moreOpen} unmountOnExit sx={{ flexShrink: 0 }}>
        <Stack id="more-filters" direction="row" spacing={1.25} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }} role="group" aria-label="更多筛选">
          <MoreFilters filters={params} set={setFilters} catalog={catalog.data} />
        </Stack>
      </Collapse>
      {/* Not shrunk either: with a notice above the page (the start's check) its second row, 导出Excel, slid under the list. */}
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', minHeight: 32, flexShrink: 0 }}>
        <Typography role="status" aria-live="polite">
          共 <b data-testid="case-count">{data ? countText(data.total, data.more) : '…'}</b> 件
        </Typography>
        {params.sort === 'registeredAt:desc' && (
          <Typography variant="body2" color="text.secondary">
            · 按登记时间排列，最新登记的在前
          </Typography>
        )}
        {indexing && (
          <Typography variant="body2" color="text.secondary" data-testid="search-indexing">
            · {indexing}
          </Typography>
        )}
        {wordsOf(params.text).some((w) => shortFieldsOnly(w) !== null) && (
          <Typography variant="body2" color="text.secondary">
            · 单字和一两位数字、字母只查姓名、电话、被投诉方、商品或服务和编号
          </Typography>
        )}
        {chips.map((c) => (
          <Chip key={c.key} size="small" color="primary" variant="outlined" label={c.label} onDelete={() => setFilters(c.clear)} data-testid={c.testId} />
        ))}
        <Box sx={{ flexGrow: 1 }} />
        <Typography id="search-keys" variant="caption" color="text.secondary" sx={{ display: { xs: 'none', lg: 'block' } }}>
          / 或 Ctrl+K 搜索 · ↓ 进入列表 · Enter 打开 · Esc 返回搜索
        </Typography>
        {anyFilter && (
          <Button size="small" onClick={() => setFilters(noFilters)}>
            清除筛选
          </Button>
        )}
        <Button size="small" variant="outlined" startIcon={<FileDownloadIcon />} onClick={startExport} disabled={!data || data.total === 0}>
          导出Excel
        </Button>
      </Stack>
      {query.error && <Alert severity="error">{query.error.message}</Alert>}
      <Paper variant="outlined" sx={{ flexGrow: 1, minHeight: 260, display: 'flex', flexDirection: 'column' }}>
        <Box sx={{ flexGrow: 1, minHeight: 0 }}>
          <DataGrid
            apiRef={apiRef}
            label="案件列表"
            rows={rows}
            columns={columns}
            loading={query.loading}
            density="compact"
            getRowHeight={() => 'auto'}
            getEstimatedRowHeight={() => 48}
            hideFooter
            // A page holds at most 100 rows: all of them drawn, so the browser's find and a reader see every one.
            disableVirtualization
            paginationModel={{ page: 0, pageSize: 100 }}
            sortingMode="server"
            sortModel={sortModelOf(params.sort)}
            onSortModelChange={(m) => update({ sortChoice: sortOf(m), page: 1 })}
            onRowClick={(p) => open(p.id)}
            onCellKeyDown={(p, e) => {
              if (e.key === 'Enter') {
                e.defaultMuiPrevented = true;
                open(p.id);
              } else if (e.key === 'Escape' || e.key === '/' || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k')) {
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
              // The last column's resize handle would stick out past the grid and scroll it sideways.
              '& .MuiDataGrid-columnHeader--last .MuiDataGrid-columnSeparator': { display: 'none' },
            }}
          />
        </Box>
        {data && <CasePager page={shownPage} pageSize={params.pageSize} shown={rows.length} hasNext={data.next !== null} onPage={(page) => update({ page })} onPageSize={(pageSize) => update({ pageSize, page: 1 })} />}
      </Paper>
      {exportOpen && (
        <ExportDialog
          title="导出案件登记簿（当前筛选）"
          run={exporting.run}
          onCancel={() => void exporting.cancel()}
          onClose={() => {
            setExportOpen(false);
            exporting.reset();
          }}
        />
      )}
    </Stack>
  );
}
