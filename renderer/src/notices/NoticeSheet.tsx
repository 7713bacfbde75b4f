import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';
import Box from '@mui/material/Box';
import { NoticeView } from '../../../shared/notices/components/NoticeView';
import type { NoticeDocument } from '../../../shared/notices/model';
import { anchorLine, NOTICE_ANCHOR_FROM_BOTTOM_MM, NOTICE_MARGINS_MM, noticeCss } from '../../../shared/notices/styles';

const m = NOTICE_MARGINS_MM;

/**
 * A notice on screen as on paper: A4 at real size, the GB/T 9704 margins, the same component and
 * CSS the core prints the PDF from, in the same bundled face (Noto Serif SC, shipped with the app).
 * An office's own 仿宋 file exists only on the PC that prints; the preview shows the bundled face.
 * The verification line sits in the bottom margin, where paper has it on the last page.
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
          padding: `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`,
          bgcolor: '#fff',
          boxShadow: '0 1px 4px rgba(0,0,0,0.25)',
          zoom: scale,
          position: 'relative',
        }}
      >
        <style>{noticeCss}</style>
        <NoticeView doc={doc} sealSrc={seal} />
        {doc.anchor && (
          <Box
            component="p"
            sx={{ position: 'absolute', left: `${m.left}mm`, right: `${m.right}mm`, bottom: `${NOTICE_ANCHOR_FROM_BOTTOM_MM}mm`, m: 0, textAlign: 'center', fontSize: '7pt', color: '#555', fontFamily: 'inherit' }}
          >
            {anchorLine(doc.anchor)}
          </Box>
        )}
      </Box>
    </Box>
  );
}
