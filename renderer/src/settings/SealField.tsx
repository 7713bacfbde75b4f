import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import type { OfficeProfile } from '../../../shared/api/schemas/office';
import { SEAL_MAX_BYTES } from '../../../shared/api/schemas/office';
import { useApi } from '../api/ApiContext';

/** The seal image: a PNG scan on a transparent background, checked by the core by its content. */
export function SealField({ seal, onChanged }: { seal: OfficeProfile['seal']; onChanged: () => void }) {
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const upload = async (file: File) => {
    setProblem(null);
    if (file.size > SEAL_MAX_BYTES) return setProblem('印章图片不能超过512 KB');
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    const r = await api.call('office.setSeal', { png: btoa(binary) });
    if (r.ok) onChanged();
    else setProblem(r.error.message);
  };
  const remove = async () => {
    const r = await api.call('office.setSeal', { remove: true });
    if (r.ok) onChanged();
    else setProblem(r.error.message);
  };

  return (
    <Stack spacing={1}>
      <Typography variant="body2" color="text.secondary">
        印章图片（可选）：盖在落款与日期上；不上传则留出空白，打印后加盖实物印章。
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Box sx={{ width: 96, height: 96, border: '1px dashed', borderColor: 'divider', display: 'grid', placeItems: 'center', bgcolor: '#fff' }}>
          {seal ? <img src={seal.dataUrl} alt="印章" style={{ maxWidth: 92, maxHeight: 92 }} /> : <Typography variant="caption">未上传</Typography>}
        </Box>
        <Stack spacing={1}>
          <input
            ref={input}
            type="file"
            accept="image/png"
            hidden
            aria-label="选择印章图片"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void upload(file);
            }}
          />
          <Button variant="outlined" size="small" onClick={() => input.current?.click()}>
            {seal ? '更换印章图片' : '上传印章图片（PNG）'}
          </Button>
          {seal && (
            <Button size="small" color="error" onClick={() => void remove()}>
              移除印章
            </Button>
          )}
        </Stack>
      </Stack>
      {problem && <Alert severity="error">{problem}</Alert>}
    </Stack>
  );
}
