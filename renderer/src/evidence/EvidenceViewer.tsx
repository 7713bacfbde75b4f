import CloseIcon from '@mui/icons-material/Close';
import NavigateBeforeIcon from '@mui/icons-material/NavigateBefore';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import RotateLeftIcon from '@mui/icons-material/RotateLeft';
import RotateRightIcon from '@mui/icons-material/RotateRight';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState, type KeyboardEvent } from 'react';
import type { EvidenceView } from '../../../shared/api/schemas/evidence';
import { previewOf } from '../../../shared/domain/evidence';
import { evidenceUrl } from '../api/client';
import { EvidenceDetails } from './EvidenceDetails';
import { EvidencePreview } from './EvidenceTile';
import type { MediaLoaded } from './useMediaReport';

interface Props {
  items: EvidenceView[];
  index: number | null;
  writable: boolean;
  onIndex: (i: number | null) => void;
  onDescribe: (e: EvidenceView) => void;
  onVoid: (e: EvidenceView) => void;
  /** Chromium read a video's or recording's metadata: report what the record lacks. */
  onLoadedMetadata?: MediaLoaded;
}

const ZOOMS = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];

/** The next zoom step from `scale` (null: fitted to the window, read as 100%). */
function step(scale: number | null, by: 1 | -1): number {
  const from = ZOOMS.indexOf(scale ?? 1);
  return ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, from + by))]!;
}

/**
 * The full-size viewer: a picture upright by its EXIF orientation (Chromium applies it), zoomed
 * and turned further by hand; video and audio played with seeking (the file is read by Range).
 * Keys: ← → between items, + − to zoom, 0 to fit, R to turn.
 */
export function EvidenceViewer({ items, index, writable, onIndex, onDescribe, onVoid, onLoadedMetadata }: Props) {
  // null: fitted to the window.
  const [scale, setScale] = useState<number | null>(null);
  const [turn, setTurn] = useState(0);
  const e = index === null ? null : items[index];
  const go = (i: number) => {
    setScale(null);
    setTurn(0);
    onIndex((i + items.length) % items.length);
  };
  const onKey = (ev: KeyboardEvent) => {
    if (!e || (ev.target as HTMLElement).closest('video, audio')) return;
    if (ev.key === 'ArrowRight') go(index! + 1);
    else if (ev.key === 'ArrowLeft') go(index! - 1);
    else if (ev.key === '+' || ev.key === '=') setScale((z) => step(z, 1));
    else if (ev.key === '-') setScale((z) => step(z, -1));
    else if (ev.key === '0') setScale(null);
    else if (ev.key === 'r' || ev.key === 'R') setTurn((t) => t + 90);
    else return;
    ev.preventDefault();
  };
  const preview = e ? previewOf(e.mime) : null;

  return (
    <Dialog open={e !== null && e !== undefined} onClose={() => onIndex(null)} fullWidth maxWidth="xl" onKeyDown={onKey} slotProps={{ paper: { 'aria-label': '证据查看' } }}>
      {e && (
        <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 320px', height: '85vh' }}>
          <Box sx={{ bgcolor: '#1d232a', display: 'flex', flexDirection: 'column', minWidth: 0 }}>
            <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', p: 0.5, color: '#fff' }}>
              <Tooltip title="上一项（←）">
                <IconButton color="inherit" onClick={() => go(index! - 1)} aria-label="上一项">
                  <NavigateBeforeIcon />
                </IconButton>
              </Tooltip>
              <Tooltip title="下一项（→）">
                <IconButton color="inherit" onClick={() => go(index! + 1)} aria-label="下一项">
                  <NavigateNextIcon />
                </IconButton>
              </Tooltip>
              {preview === 'image' && (
                <>
                  <Tooltip title="缩小（−）">
                    <IconButton color="inherit" onClick={() => setScale((z) => step(z, -1))} aria-label="缩小">
                      <ZoomOutIcon />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title="适合窗口（0）">
                    <Button color="inherit" size="small" onClick={() => setScale(null)} data-testid="zoom-level" sx={{ minWidth: 72 }}>
                      {scale === null ? '适合窗口' : `${Math.round(scale * 100)}%`}
                    </Button>
                  </Tooltip>
                  <Tooltip title="放大（+）">
                    <IconButton color="inherit" onClick={() => setScale((z) => step(z, 1))} aria-label="放大">
                      <ZoomInIcon />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title="向左旋转">
                    <IconButton color="inherit" onClick={() => setTurn((t) => t - 90)} aria-label="向左旋转">
                      <RotateLeftIcon />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title="向右旋转（R）">
                    <IconButton color="inherit" onClick={() => setTurn((t) => t + 90)} aria-label="向右旋转">
                      <RotateRightIcon />
                    </IconButton>
                  </Tooltip>
                </>
              )}
              <Typography variant="body2" noWrap sx={{ flexGrow: 1, px: 1 }}>
                {index! + 1} / {items.length} · {e.name}
              </Typography>
              <Tooltip title="关闭（Esc）">
                <IconButton color="inherit" onClick={() => onIndex(null)} aria-label="关闭">
                  <CloseIcon />
                </IconButton>
              </Tooltip>
            </Stack>
            <Box sx={{ flexGrow: 1, overflow: 'auto', display: 'grid', placeItems: 'center', minHeight: 0 }}>
              {preview === 'image' && (
                <Box
                  component="img"
                  src={evidenceUrl(e.id)}
                  alt={e.name}
                  data-testid="viewer-image"
                  // image-orientation: from-image (Chromium's default) stands the photo up by its EXIF orientation.
                  sx={{
                    imageOrientation: 'from-image',
                    maxWidth: scale === null ? '100%' : 'none',
                    maxHeight: scale === null ? '100%' : 'none',
                    // zoom (not a scale transform) changes the layout size, so a large picture scrolls.
                    zoom: scale ?? 1,
                    transform: `rotate(${turn}deg)`,
                    transition: 'transform 0.15s',
                  }}
                />
              )}
              {preview === 'video' && <Box component="video" key={e.id} src={evidenceUrl(e.id)} controls preload="metadata" data-testid="viewer-video" onLoadedMetadata={onLoadedMetadata?.(e)} sx={{ maxWidth: '100%', maxHeight: '100%' }} />}
              {preview === 'audio' && <Box component="audio" key={e.id} src={evidenceUrl(e.id)} controls preload="metadata" data-testid="viewer-audio" onLoadedMetadata={onLoadedMetadata?.(e)} sx={{ width: '80%' }} />}
              {preview !== 'image' && preview !== 'video' && preview !== 'audio' && (
                <Stack spacing={2} sx={{ alignItems: 'center', color: '#cfd8dc' }}>
                  <Box sx={{ width: 96, height: 96 }}>
                    <EvidencePreview e={e} />
                  </Box>
                  <Typography>此类文件不能在此预览</Typography>
                  <Button variant="outlined" color="inherit" href={evidenceUrl(e.id)} target="_blank" rel="noopener">
                    打开文件
                  </Button>
                </Stack>
              )}
            </Box>
          </Box>
          <EvidenceDetails e={e} writable={writable} onDescribe={() => onDescribe(e)} onVoid={() => onVoid(e)} />
        </Box>
      )}
    </Dialog>
  );
}
