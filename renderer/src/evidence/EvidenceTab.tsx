import FileUploadIcon from '@mui/icons-material/FileUpload';
import FolderZipIcon from '@mui/icons-material/DriveFileMove';
import VerifiedIcon from '@mui/icons-material/VerifiedUser';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { CaseDetail } from '../../../shared/api/schemas/cases';
import type { EvidenceView } from '../../../shared/api/schemas/evidence';
import { useApi } from '../api/ApiContext';
import { CenteredMessage } from '../common/CenteredMessage';
import { DescribeDialog, ExportDialog, VoidDialog } from './EvidenceDialogs';
import { EvidenceTile } from './EvidenceTile';
import { EvidenceViewer } from './EvidenceViewer';
import { useMediaReport } from './useMediaReport';
import { UploadDialog } from './UploadDialog';

/** How often the case is fetched again while a picture's text is being read (about a second a picture). */
const READ_POLL_MS = 2000;

const PROBLEM = { missing: '文件缺失', altered: '文件已被改动' } as const;

/** 证据: add files by picker or drag-and-drop, see them as a grid, open, verify, export, void. */
export function EvidenceTab({ c, onChanged }: { c: CaseDetail; onChanged: () => void }) {
  const api = useApi();
  const picker = useRef<HTMLInputElement>(null);
  const [batch, setBatch] = useState<File[] | null>(null);
  const [dragging, setDragging] = useState(false);
  const [showVoided, setShowVoided] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const [describing, setDescribing] = useState<EvidenceView | null>(null);
  const [voiding, setVoiding] = useState<EvidenceView | null>(null);
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState<{ severity: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const [verifying, setVerifying] = useState(false);
  const { writable, reason } = c.investigation;
  const mediaLoaded = useMediaReport(onChanged);
  const items = c.evidence.filter((e) => showVoided || !e.voided);
  const voidedCount = c.evidence.filter((e) => e.voided).length;

  // Pictures are read in the background (issue [H]): while one is, the case is fetched again now and then, so its text appears.
  const reading = c.evidence.some((e) => e.textState === 'pending');
  const refetch = useRef(onChanged);
  useEffect(() => {
    refetch.current = onChanged;
  });
  useEffect(() => {
    if (!reading) return;
    const timer = setInterval(() => refetch.current(), READ_POLL_MS);
    return () => clearInterval(timer);
  }, [reading]);

  // A file dropped beside the zone must not make the browser leave the app to show it.
  useEffect(() => {
    const keep = (e: globalThis.DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  const take = (files: FileList | null) => {
    if (files && files.length > 0) setBatch(Array.from(files));
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (writable) take(e.dataTransfer.files);
  };

  const verify = async () => {
    setVerifying(true);
    const r = await api.call('evidence.verify', { caseId: c.id });
    setVerifying(false);
    onChanged();
    if (!r.ok) return setNotice({ severity: 'error', text: r.error.message });
    const names = new Map(c.evidence.map((e) => [e.id, e.name]));
    setNotice(
      r.value.problems.length === 0
        ? { severity: 'success', text: `已校验 ${r.value.checked} 个文件，全部完好（结果已记入时间线）` }
        : { severity: 'error', text: `已校验 ${r.value.checked} 个文件，发现问题：${r.value.problems.map((p) => `证据${p.evidenceId}（${names.get(p.evidenceId) ?? ''}）${PROBLEM[p.problem]}`).join('；')}。请联系管理员从备份恢复` },
    );
  };

  return (
    <Box
      onDragOver={(e) => {
        e.preventDefault();
        if (writable) setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
      data-testid="evidence-drop-zone"
      sx={{ position: 'relative', minHeight: 240, outline: dragging ? '2px dashed' : 'none', outlineColor: 'primary.main', outlineOffset: 4, borderRadius: 1 }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5, flexWrap: 'wrap', rowGap: 1 }}>
        <Button variant="contained" startIcon={<FileUploadIcon />} disabled={!writable} onClick={() => picker.current?.click()}>
          添加文件
        </Button>
        <input ref={picker} type="file" multiple hidden data-testid="evidence-picker" onChange={(e) => {
          take(e.target.files);
          e.target.value = '';
        }} />
        <Button variant="outlined" startIcon={<VerifiedIcon />} onClick={() => void verify()} disabled={verifying || c.evidence.length === 0}>
          {verifying ? '正在校验…' : '校验'}
        </Button>
        <Button variant="outlined" startIcon={<FolderZipIcon />} onClick={() => setExporting(true)} disabled={c.evidence.length === voidedCount}>
          导出
        </Button>
        <Box sx={{ flexGrow: 1 }} />
        {voidedCount > 0 && <FormControlLabel control={<Switch checked={showVoided} onChange={(e) => setShowVoided(e.target.checked)} />} label={`显示已作废（${voidedCount}）`} />}
      </Stack>
      {writable ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          可一次选择多个文件，或把文件拖到此处：照片、视频、录音、PDF、扫描件、Office 文档。文件类型按内容识别。
        </Typography>
      ) : (
        reason && <Alert severity="info" sx={{ mb: 1.5 }}>{reason}</Alert>
      )}
      {notice && (
        <Alert severity={notice.severity} onClose={() => setNotice(null)} sx={{ mb: 1.5 }} data-testid="evidence-notice">
          {notice.text}
        </Alert>
      )}
      {items.length === 0 ? (
        <CenteredMessage>{c.evidence.length === 0 ? '本案还没有证据' : '没有未作废的证据'}</CenteredMessage>
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', gap: 1.5 }} aria-label="证据">
          {items.map((e, i) => (
            <EvidenceTile key={e.id} e={e} onOpen={() => setOpen(i)} onLoadedMetadata={mediaLoaded(e)} />
          ))}
        </Box>
      )}
      {dragging && (
        <Box sx={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center', bgcolor: 'rgba(31,78,121,0.08)', pointerEvents: 'none' }}>
          <Typography variant="h6" color="primary">松开鼠标，添加到本案证据</Typography>
        </Box>
      )}
      <UploadDialog caseId={c.id} files={batch} onClose={() => setBatch(null)} onUploaded={onChanged} />
      <EvidenceViewer items={items} index={open} writable={writable} onIndex={setOpen} onDescribe={setDescribing} onVoid={setVoiding} onLoadedMetadata={mediaLoaded} />
      <DescribeDialog e={describing} onClose={() => setDescribing(null)} onDone={onChanged} />
      <VoidDialog e={voiding} onClose={() => setVoiding(null)} onDone={onChanged} />
      <ExportDialog caseId={c.id} open={exporting} onClose={() => setExporting(false)} onDone={(text) => {
          setNotice({ severity: 'success', text });
          onChanged();
        }} />
    </Box>
  );
}
