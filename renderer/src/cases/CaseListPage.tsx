import SearchIcon from '@mui/icons-material/Search';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DataGrid } from '@mui/x-data-grid';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useApiQuery } from '../api/useApiQuery';
import { searchInputOf } from './caseFilters';
import { CaseListFilters } from './CaseListFilters';
import { useDebouncedValue } from '../common/useDebouncedValue';
import { dataGridZhCN } from '../theme';
import { caseColumns } from './caseColumns';
import { PAGE_SIZES, sortModelOf, sortOf, useCaseListParams } from './useCaseListParams';

const localeText = { ...dataGridZhCN.components.MuiDataGrid.defaultProps.localeText, noRowsLabel: '暂无案件' };

/** 案件: the register, newest first, searched and paged on the core. */
export function CaseListPage() {
  const navigate = useNavigate();
  const [params, update] = useCaseListParams();
  const [typed, setTyped] = useState(params.text);
  const debounced = useDebouncedValue(typed.trim(), 300);

  // Pushed only when the typing settles, so Back or a nav click is not overridden by stale input.
  const pushed = useRef(debounced);
  useEffect(() => {
    if (debounced === pushed.current) return;
    pushed.current = debounced;
    update({ text: debounced, page: 1 });
  }, [debounced, update]);

  const query = useApiQuery('cases.search', {
    text: params.text || undefined,
    ...searchInputOf(params),
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
  });
  const open = (id: number | string) => void navigate(`/cases/${id}`);

  return (
    <Stack spacing={1.5} sx={{ height: 'calc(100vh - 88px)' }}>
      <Typography variant="h5" component="h1">
        案件
      </Typography>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField
          label="搜索"
          type="search"
          autoFocus
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder="姓名、电话、被投诉方、商品或服务、投诉事实中的文字"
          fullWidth={false}
          sx={{ width: 400, maxWidth: '100%' }}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
        <CaseListFilters params={params} update={update} />
      </Stack>
      {query.error && <Alert severity="error">{query.error.message}</Alert>}
      <Paper variant="outlined" sx={{ flexGrow: 1, minHeight: 300 }}>
        <Box sx={{ height: '100%' }}>
          <DataGrid
            label="案件列表"
            rows={query.data?.rows ?? []}
            rowCount={query.data?.total ?? 0}
            columns={caseColumns}
            loading={query.loading}
            density="compact"
            paginationMode="server"
            sortingMode="server"
            paginationModel={{ page: params.page - 1, pageSize: params.pageSize }}
            onPaginationModelChange={(m) => update({ page: m.page + 1, pageSize: m.pageSize })}
            pageSizeOptions={[...PAGE_SIZES]}
            sortModel={sortModelOf(params.sort)}
            onSortModelChange={(m) => update({ sort: sortOf(m), page: 1 })}
            onRowClick={(p) => open(p.id)}
            onCellKeyDown={(p, e) => {
              if (e.key !== 'Enter') return;
              e.defaultMuiPrevented = true;
              open(p.id);
            }}
            disableColumnFilter
            disableRowSelectionOnClick
            localeText={localeText}
            sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' } }}
          />
        </Box>
      </Paper>
    </Stack>
  );
}
