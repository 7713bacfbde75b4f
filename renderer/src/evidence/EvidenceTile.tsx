import ArticleIcon from '@mui/icons-material/Article';
import AudioFileIcon from '@mui/icons-material/AudioFile';
import DescriptionIcon from '@mui/icons-material/Description';
import ImageIcon from '@mui/icons-material/Image';
import MovieIcon from '@mui/icons-material/Movie';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ReactNode, SyntheticEvent } from 'react';
import type { EvidenceView } from '../../../shared/api/schemas/evidence';
import { textStateLabel } from '../../../shared/domain/evidenceText';
import { capturedAfterUpload } from '../../../shared/domain/captureDate';
import { evidenceKindLabel, formatBytes, previewOf, type PreviewKind } from '../../../shared/domain/evidence';
import { evidenceUrl } from '../api/client';
import { formatDateTime } from '../format';

const ICONS: Record<PreviewKind, ReactNode> = {
  image: <ImageIcon fontSize="large" />,
  video: <MovieIcon fontSize="large" />,
  audio: <AudioFileIcon fontSize="large" />,
  pdf: <PictureAsPdfIcon fontSize="large" />,
  document: <DescriptionIcon fontSize="large" />,
  text: <ArticleIcon fontSize="large" />,
};

/** The picture of an item: its thumbnail, a poster frame, or an icon for a type with no preview. */
export function EvidencePreview({ e, onLoadedMetadata }: { e: EvidenceView; onLoadedMetadata?: (event: SyntheticEvent<HTMLVideoElement>) => void }) {
  const preview = previewOf(e.mime);
  if (e.hasThumbnail) {
    return <Box component="img" src={evidenceUrl(e.id, 'thumbnail')} alt={e.name} data-testid="evidence-thumbnail" sx={{ width: '100%', height: '100%', objectFit: 'contain' }} />;
  }
  if (preview === 'video') {
    // No ffmpeg on this PC: Chromium's own decoder draws the frame half a second in as the poster.
    return <Box component="video" src={`${evidenceUrl(e.id)}#t=0.5`} preload="metadata" muted playsInline aria-label={e.name} data-testid="evidence-poster" onLoadedMetadata={onLoadedMetadata} sx={{ width: '100%', height: '100%', objectFit: 'cover', bgcolor: '#000' }} />;
  }
  return (
    <Box sx={{ color: 'text.secondary', display: 'grid', placeItems: 'center', width: '100%', height: '100%' }} data-testid="evidence-icon">
      {ICONS[preview]}
    </Box>
  );
}

/** One tile of the 证据 grid: opens the viewer. Named by what it shows (number, name, kind, size, time), as a screen reader reads it. */
export function EvidenceTile({ e, onOpen, onLoadedMetadata }: { e: EvidenceView; onOpen: () => void; onLoadedMetadata?: (event: SyntheticEvent<HTMLVideoElement>) => void }) {
  const doubtful = capturedAfterUpload(e.capturedAt, e.addedAt);
  return (
    <ButtonBase
      onClick={onOpen}
      focusRipple
      data-testid="evidence-tile"
      sx={{ display: 'block', textAlign: 'left', border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden', bgcolor: 'background.paper', opacity: e.voided ? 0.55 : 1 }}
    >
      <Box sx={{ position: 'relative', height: 132, bgcolor: 'grey.100' }}>
        <EvidencePreview e={e} onLoadedMetadata={onLoadedMetadata} />
        {e.durationSeconds !== null && (
          <Chip size="small" label={formatDuration(e.durationSeconds)} sx={{ position: 'absolute', right: 6, bottom: 6, bgcolor: 'rgba(0,0,0,0.6)', color: '#fff' }} />
        )}
        {e.voided && <Chip size="small" color="error" label="已作废" sx={{ position: 'absolute', left: 6, top: 6 }} />}
      </Box>
      <Box sx={{ p: 1 }}>
        <Typography variant="body2" noWrap title={e.name} sx={{ fontWeight: 500 }}>
          {e.id}. {e.name}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="p" noWrap>
          {evidenceKindLabel[e.kind]} · {formatBytes(e.size)}
        </Typography>
        <Typography variant="caption" color={doubtful ? 'error.main' : 'text.secondary'} component="p" noWrap data-testid={doubtful ? 'captured-after-upload' : undefined}>
          {e.capturedAt ? `形成于 ${formatDateTime(e.capturedAt)}${doubtful ? '（晚于添加时间，请核对）' : ''}` : `添加于 ${formatDateTime(e.addedAt)}`}
        </Typography>
        {/* The first line of the text read from a picture, or that it is being read (issue [H]). */}
        {(e.textState === 'pending' || e.text) && (
          <Typography variant="caption" color="text.secondary" component="p" noWrap title={e.text ?? undefined} data-testid="evidence-tile-text">
            {e.text ? `文字：${e.text.split('\n')[0]}` : textStateLabel.pending}
          </Typography>
        )}
      </Box>
    </ButtonBase>
  );
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
