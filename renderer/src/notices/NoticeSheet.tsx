import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';
import Box from '@mui/material/Box';
import { NoticeView } from '../../../shared/notices/components/NoticeView';
import type { NoticeDocument } from '../../../shared/notices/model';
import { noticeCss } from '../../../shared/notices/styles';

/**
 * A notice on screen as on paper: A4 at real size, the GB/T 9704 margins, the same component and
 * CSS the core prints the PDF from, in the same bundled face (Noto Serif SC, shipped with the app).
 * An office's own 仿宋 file exists only on the PC that prints; the preview shows the bundled face.
 */
export function NoticeSheet({ doc, seal, scale = 1 }: { doc: NoticeDocument; seal: string | null; scale?: number }) {
  return (
    <Box sx={{ width: `calc(210mm * ${scale})`, mx: 'auto' }}>
      <Box
        data-testid="notice-sheet"
        sx={{
          width: '210mm',
          minHeight: '297mm',
          boxSizing: 'border-box',
          padding: '37mm 26mm 35mm 28mm',
          bgcolor: '#fff',
          boxShadow: '0 1px 4px rgba(0,0,0,0.25)',
          zoom: scale,
        }}
      >
        <style>{noticeCss}</style>
        <NoticeView doc={doc} sealSrc={seal} />
      </Box>
    </Box>
  );
}
