/**
 * Evidence as the desk records it. Kinds are the eight of 民事诉讼法 第66条 (domain.md "Evidence
 * kinds" [S]): fixed by law, so an enum here rather than catalog data.
 */
export const evidenceKinds = ['statement', 'document', 'physical', 'audiovisual', 'electronic', 'witness', 'appraisal', 'inspection'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export const evidenceKindLabel: Record<EvidenceKind, string> = {
  statement: '当事人陈述',
  document: '书证',
  physical: '物证',
  audiovisual: '视听资料',
  electronic: '电子数据',
  witness: '证人证言',
  appraisal: '鉴定意见',
  inspection: '勘验笔录',
};

/** Who the desk got an item from (domain.md: "The association … records what it saw and keeps copies"). */
export const evidenceSources = ['complainant', 'respondent', 'site', 'office', 'third_party', 'other'] as const;
export type EvidenceSource = (typeof evidenceSources)[number];

export const evidenceSourceLabel: Record<EvidenceSource, string> = {
  complainant: '投诉人提供',
  respondent: '被投诉方提供',
  site: '现场核查',
  office: '本会调取',
  third_party: '第三方提供',
  other: '其他',
};

/** What the page can show of a stored type: a picture, a player, or only an icon. */
export type PreviewKind = 'image' | 'video' | 'audio' | 'pdf' | 'document' | 'text';

/**
 * The allow-list of types sniffed from content (never from the name). Anything else — an
 * executable, an archive, a script — is refused with 415. `kind` is the default evidence kind
 * offered for that type; the clerk may change it.
 */
export const allowedTypes: Record<string, { label: string; preview: PreviewKind; kind: EvidenceKind }> = {
  'image/jpeg': { label: 'JPEG 图片', preview: 'image', kind: 'audiovisual' },
  'image/png': { label: 'PNG 图片', preview: 'image', kind: 'electronic' },
  'image/gif': { label: 'GIF 图片', preview: 'image', kind: 'electronic' },
  'image/webp': { label: 'WebP 图片', preview: 'image', kind: 'electronic' },
  'image/heic': { label: 'HEIC 图片', preview: 'document', kind: 'audiovisual' },
  'image/heif': { label: 'HEIF 图片', preview: 'document', kind: 'audiovisual' },
  'image/tiff': { label: 'TIFF 扫描件', preview: 'document', kind: 'document' },
  'image/bmp': { label: 'BMP 图片', preview: 'image', kind: 'electronic' },
  'video/mp4': { label: 'MP4 视频', preview: 'video', kind: 'audiovisual' },
  'video/quicktime': { label: 'MOV 视频', preview: 'video', kind: 'audiovisual' },
  'video/webm': { label: 'WebM 视频', preview: 'video', kind: 'audiovisual' },
  'video/matroska': { label: 'MKV 视频', preview: 'video', kind: 'audiovisual' },
  'video/x-m4v': { label: 'M4V 视频', preview: 'video', kind: 'audiovisual' },
  'video/vnd.avi': { label: 'AVI 视频', preview: 'document', kind: 'audiovisual' },
  'video/3gpp': { label: '3GP 视频', preview: 'video', kind: 'audiovisual' },
  'audio/x-m4a': { label: 'M4A 录音', preview: 'audio', kind: 'audiovisual' },
  'audio/mp4': { label: 'M4A 录音', preview: 'audio', kind: 'audiovisual' },
  'audio/mpeg': { label: 'MP3 录音', preview: 'audio', kind: 'audiovisual' },
  'audio/amr': { label: 'AMR 录音', preview: 'document', kind: 'audiovisual' },
  'audio/wav': { label: 'WAV 录音', preview: 'audio', kind: 'audiovisual' },
  'audio/ogg': { label: 'OGG 录音', preview: 'audio', kind: 'audiovisual' },
  'audio/aac': { label: 'AAC 录音', preview: 'audio', kind: 'audiovisual' },
  'audio/flac': { label: 'FLAC 录音', preview: 'audio', kind: 'audiovisual' },
  'application/pdf': { label: 'PDF 文档', preview: 'pdf', kind: 'document' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'Word 文档', preview: 'document', kind: 'document' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'Excel 表格', preview: 'document', kind: 'document' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { label: 'PowerPoint 演示文稿', preview: 'document', kind: 'document' },
  'application/x-cfb': { label: 'Office 97–2003 文档', preview: 'document', kind: 'document' },
  'application/vnd.oasis.opendocument.text': { label: 'ODF 文档', preview: 'document', kind: 'document' },
  'application/vnd.oasis.opendocument.spreadsheet': { label: 'ODF 表格', preview: 'document', kind: 'document' },
  'text/plain': { label: '文本', preview: 'text', kind: 'electronic' },
};

export function previewOf(mime: string): PreviewKind {
  return allowedTypes[mime]?.preview ?? 'document';
}

export function typeLabel(mime: string): string {
  return allowedTypes[mime]?.label ?? mime;
}

/** The default evidence kind for a type guessed in the page from a file's own type (only a suggestion). */
export function suggestedKind(mime: string): EvidenceKind {
  const exact = allowedTypes[mime]?.kind;
  if (exact) return exact;
  if (mime.startsWith('image/') || mime.startsWith('video/') || mime.startsWith('audio/')) return 'audiovisual';
  if (mime === 'text/plain') return 'electronic';
  return 'document';
}

/** The office's default upload limit (a setting): phone videos run to several GB. */
export const DEFAULT_EVIDENCE_MAX_BYTES = 8 * 1024 ** 3;

export { formatBytes } from '../formatBytes';

export const checklistStates = ['todo', 'done', 'na'] as const;
export type ChecklistState = (typeof checklistStates)[number];
export const checklistStateLabel: Record<ChecklistState, string> = { todo: '待办', done: '已完成', na: '不适用' };
