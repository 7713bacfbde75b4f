import Box from '@mui/material/Box';
import CardActionArea from '@mui/material/CardActionArea';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import type { StatsSummary } from '../../../shared/api/schemas/stats';
import { listLinkOf } from '../cases/caseFilters';
import { headlineFigures, repeatRecountNote, type FigureDef } from './figures';
import { changeText } from './numbers';

/**
 * The headline figures, each beside the same period a year earlier, each one click from the cases
 * behind it (the register opened on the period and the figure's own filter).
 */
export function HeadlineFigures({ summary }: { summary: StatsSummary }) {
  return (
    <Box component="section" aria-label="主要数字" sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(176px, 1fr))', gap: 1.25 }}>
      {headlineFigures.map((def) => (
        <FigureCard key={def.key} def={def} summary={summary} />
      ))}
    </Box>
  );
}

function FigureCard({ def, summary }: { def: FigureDef; summary: StatsSummary }) {
  const before = summary.yearEarlier;
  const change = changeText(def.value(summary), def.value(before), def.compare);
  const body = (
    <>
      <Typography variant="body2" color="text.secondary">
        {def.label}
      </Typography>
      {/* The unit goes under its number when both are wider than the card (a year's 挽回经济损失 at a
          large office, "149,645.84 万元", ran over the next card at 1366 px); the number stays whole. */}
      <Typography data-testid={`figure-${def.key}`} component="p" sx={{ fontSize: 24, fontWeight: 600, lineHeight: 1.3, color: def.filter ? 'primary.main' : 'text.primary', wordBreak: 'keep-all', overflowWrap: 'anywhere' }}>
        {def.text(summary)}
      </Typography>
      {def.detail && (
        // Wraps rather than cut, between words (a large office's 挽回经济损失 in 元 with what it includes is wider than a card at 1366 px).
        <Typography variant="caption" component="p" color="text.secondary" sx={{ lineHeight: 1.4, wordBreak: 'keep-all', overflowWrap: 'anywhere' }}>
          {def.detail(summary)}
        </Typography>
      )}
      {def.key === 'repeat' && repeatRecountNote(summary.repeatRecount) && (
        <Typography variant="caption" component="p" role="status" data-testid="repeat-recount" sx={{ color: 'warning.dark', lineHeight: 1.4, my: 0.25 }}>
          {repeatRecountNote(summary.repeatRecount)}
        </Typography>
      )}
      <Typography variant="caption" component="p" color="text.secondary" data-testid={`figure-${def.key}-before`} sx={{ mt: 0.5, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        上年同期 {def.text(before, summary)}
        {change && (
          <>
            <br />
            {change}
          </>
        )}
      </Typography>
    </>
  );
  return (
    <Paper variant="outlined" sx={{ minWidth: 0 }}>
      {def.filter ? (
        <CardActionArea
          component={RouterLink}
          to={listLinkOf({ from: summary.from, to: summary.to, ...def.filter })}
          sx={{ p: 1.5, height: '100%' }}
          aria-label={`${def.label}：${def.text(summary)}，打开${def.opens ?? '这些案件'}`}
        >
          {body}
        </CardActionArea>
      ) : (
        <Box sx={{ p: 1.5 }}>{body as ReactNode}</Box>
      )}
    </Paper>
  );
}
