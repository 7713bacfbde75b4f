import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export interface FieldItem {
  label: string;
  value: ReactNode;
  /** Long text (facts, request) spans the whole row and keeps the clerk's line breaks. */
  wide?: boolean;
}

/** A titled block of label–value pairs, as a definition list. */
export function FieldList({ title, items }: { title: string; items: FieldItem[] }) {
  return (
    <Box component="section" sx={{ mb: 2.5 }}>
      <Typography variant="subtitle2" component="h3" sx={{ color: 'primary.main', fontWeight: 600, mb: 1 }}>
        {title}
      </Typography>
      <Box
        component="dl"
        sx={{
          m: 0,
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' },
          columnGap: 3,
          rowGap: 1.25,
        }}
      >
        {items.map((item) => (
          <Box key={item.label} sx={{ gridColumn: item.wide ? '1 / -1' : undefined, minWidth: 0 }}>
            <Typography component="dt" variant="caption" color="text.secondary">
              {item.label}
            </Typography>
            <Typography
              component="dd"
              variant="body2"
              sx={{ m: 0, whiteSpace: item.wide ? 'pre-wrap' : undefined, overflowWrap: 'anywhere' }}
            >
              {item.value === null || item.value === undefined || item.value === '' ? '—' : item.value}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
