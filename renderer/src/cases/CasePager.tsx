import FirstPageIcon from '@mui/icons-material/FirstPage';
import NavigateBeforeIcon from '@mui/icons-material/NavigateBefore';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { PAGE_SIZES } from './useCaseListParams';

interface Props {
  page: number;
  pageSize: number;
  /** Rows on this page. */
  shown: number;
  /** The core gave a cursor to a following page. */
  hasNext: boolean;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}

/**
 * The register's pager: 首页, 上一页, 下一页 by the core's cursors (no "last page": counting a
 * million rows to find it is what the cursor avoids), and the page size.
 */
export function CasePager({ page, pageSize, shown, hasNext, onPage, onPageSize }: Props) {
  const first = (page - 1) * pageSize + 1;
  return (
    <Stack direction="row" spacing={1} component="nav" aria-label="翻页" sx={{ alignItems: 'center', justifyContent: 'flex-end', px: 1.5, py: 0.75, borderTop: 1, borderColor: 'divider' }}>
      <Typography variant="body2" color="text.secondary" data-testid="page-range">
        第 {page} 页{shown > 0 ? ` · 第 ${first}–${first + shown - 1} 件` : ''}
      </Typography>
      <TextField
        select
        label="每页"
        value={pageSize}
        onChange={(e) => onPageSize(Number(e.target.value))}
        sx={{ width: 96 }}
        slotProps={{ select: { renderValue: (v) => `${String(v)} 件` } }}
      >
        {PAGE_SIZES.map((s) => (
          <MenuItem key={s} value={s}>
            {s} 件
          </MenuItem>
        ))}
      </TextField>
      <Button size="small" startIcon={<FirstPageIcon />} disabled={page === 1} onClick={() => onPage(1)}>
        首页
      </Button>
      <Button size="small" startIcon={<NavigateBeforeIcon />} disabled={page === 1} onClick={() => onPage(page - 1)}>
        上一页
      </Button>
      <Button size="small" endIcon={<NavigateNextIcon />} disabled={!hasNext} onClick={() => onPage(page + 1)}>
        下一页
      </Button>
    </Stack>
  );
}
