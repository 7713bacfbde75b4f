import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { EvidenceView } from '../../../shared/api/schemas/evidence';
import { CAPTURED_AFTER_UPLOAD, capturedAfterUpload } from '../../../shared/domain/captureDate';
import { evidenceKindLabel, evidenceSourceLabel, formatBytes, typeLabel } from '../../../shared/domain/evidence';
import { formatDateTime } from '../format';
import { EvidenceText } from './EvidenceText';
import { formatDuration } from './EvidenceTile';

const CAPTURED_FROM = { exif: '照片 EXIF', media: '视频/录音自带信息', typed: '人工填写' } as const;

/** What the record says of one item, beside the viewer. */
export function EvidenceDetails({ e, writable, onDescribe, onVoid }: { e: EvidenceView; writable: boolean; onDescribe: () => void; onVoid: () => void }) {
  const rows: [string, string | null][] = [
    ['证据种类', evidenceKindLabel[e.kind]],
    ['说明', e.description],
    ['来源', e.source ? evidenceSourceLabel[e.source] : null],
    ['形成时间', e.capturedAt ? `${formatDateTime(e.capturedAt)}（${CAPTURED_FROM[e.capturedAtFrom ?? 'typed']}）` : null],
    // The file's own time text when the core could not take it as a time (the camera's clock was wrong or unset).
    ...(e.capturedAtRaw ? [['文件自带时间（无效，未采用）', e.capturedAtRaw] as [string, string]] : []),
    ['文件类型', typeLabel(e.mime)],
    ['大小', formatBytes(e.size)],
    ['画面', e.width && e.height ? `${e.width} × ${e.height}${e.orientation && e.orientation !== 1 ? `，EXIF 方向 ${e.orientation}（已按拍摄方向显示）` : ''}` : null],
    ['时长', e.durationSeconds !== null ? formatDuration(e.durationSeconds) : null],
    ['添加人', `${e.addedBy.displayName}，${formatDateTime(e.addedAt)}`],
    ['SHA-256', e.sha256],
  ];
  return (
    <Stack spacing={1.5} sx={{ p: 2, overflow: 'auto', borderLeft: 1, borderColor: 'divider' }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
        证据{e.id}：{e.name}
      </Typography>
      {capturedAfterUpload(e.capturedAt, e.addedAt) && (
        <Alert severity="warning" data-testid="captured-after-upload-detail">
          {CAPTURED_AFTER_UPLOAD}
        </Alert>
      )}
      {e.voided && (
        <Alert severity="warning">
          已于 {formatDateTime(e.voided.at)} 由 {e.voided.by.displayName} 作废：{e.voided.reason}
        </Alert>
      )}
      <EvidenceText e={e} />
      <Box component="dl" sx={{ m: 0 }}>
        {rows.map(([label, value]) => (
          <Box key={label} sx={{ mb: 1 }}>
            <Typography component="dt" variant="caption" color="text.secondary">
              {label}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere', fontFamily: label === 'SHA-256' ? 'monospace' : undefined, fontSize: label === 'SHA-256' ? 12 : undefined }}>
              {value ?? '—'}
            </Typography>
          </Box>
        ))}
      </Box>
      {writable && !e.voided && (
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" onClick={onDescribe}>
            修改信息
          </Button>
          <Button color="error" onClick={onVoid}>
            作废
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
