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

/**
 * Encodings a text file is taken in (chat exports: WeChat and QQ write UTF-16, older Windows tools
 * GBK, read as its superset GB18030). Stored in the type, `text/plain; charset=…`, so the file is
 * shown as it was written.
 */
export const textCharsets = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export type TextCharset = (typeof textCharsets)[number];
const charsetLabel: Record<TextCharset, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GBK/GB18030' };

export const textMime = (charset: TextCharset) => `text/plain; charset=${charset}`;

/** The type without its parameters: `text/plain; charset=gb18030` → `text/plain`. */
export const baseMime = (mime: string) => mime.split(';')[0]!.trim().toLowerCase();

/** The charset a stored text type names (text stored before charsets were kept was all UTF-8). */
export function charsetOf(mime: string): TextCharset | null {
  if (baseMime(mime) !== 'text/plain') return null;
  const named = /;\s*charset=([\w-]+)/i.exec(mime)?.[1]?.toLowerCase();
  return (textCharsets as readonly string[]).includes(named ?? '') ? (named as TextCharset) : 'utf-8';
}

export function previewOf(mime: string): PreviewKind {
  return allowedTypes[baseMime(mime)]?.preview ?? 'document';
}

export function typeLabel(mime: string): string {
  const label = allowedTypes[baseMime(mime)]?.label;
  if (!label) return mime;
  const charset = charsetOf(mime);
  return charset ? `${label}（${charsetLabel[charset]}）` : label;
}

/** The default evidence kind for a type guessed in the page from a file's own type (only a suggestion). */
export function suggestedKind(mime: string): EvidenceKind {
  const exact = allowedTypes[mime]?.kind;
  if (exact) return exact;
  if (mime.startsWith('image/') || mime.startsWith('video/') || mime.startsWith('audio/')) return 'audiovisual';
  if (mime === 'text/plain') return 'electronic';
  return 'document';
}

/**
 * The earliest capture time (形成时间) the register takes. The time-zone database an office offset
 * comes from is exact only from 1970 on (before, Asia/Shanghai had a local mean time of +08:05:43, and
 * year 0999 was stored as 08:05:43+08:06, a different instant); and a camera whose clock was never set
 * says 0001 or 1970. An older paper document's date belongs in its description.
 */
export const EARLIEST_CAPTURE_DATE = '1970-01-01';

/**
 * How far past "now" a capture time may lie: a camera's clock runs fast, and a photo taken in a zone
 * east of the office, whose EXIF time has no offset, reads ahead by the difference (at most 6 hours
 * from China). Beyond this the time is a wrong clock or a typing slip, not a capture.
 */
export const CAPTURE_AHEAD_TOLERANCE_MS = 12 * 60 * 60 * 1000;

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** A calendar day that exists (no 30 February). */
export function isRealDay(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(2000, m - 1, d));
  dt.setUTCFullYear(y);
  return m >= 1 && m <= 12 && dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** A zone offset that exists somewhere: −12:00 to +14:00, whole minutes under 60. */
export function isRealOffset(sign: string, hh: number, mm: number): boolean {
  if (mm > 59) return false;
  const minutes = hh * 60 + mm;
  return sign === '+' ? minutes <= 14 * 60 : minutes <= 12 * 60;
}

/**
 * Why a capture time (typed, or read from a file) cannot be the time the evidence came into being,
 * or null when it can: a real date and time with a real offset, not before EARLIEST_CAPTURE_DATE and,
 * when `now` is given (the core's clock; only it knows now), not after now + the tolerance.
 * The same check as a receipt date's (shared/api/schemas/cases.ts EARLIEST_RECEIPT_DATE).
 */
export function captureTimeProblem(iso: string, now?: Date): string | null {
  const m = ISO_INSTANT.exec(iso);
  if (!m) return '形成时间应为带时区的日期时间，如 2026-11-20T14:03:05+08:00';
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (!isRealDay(y, mo, d) || h > 23 || mi > 59 || s > 59) return '形成时间不是真实存在的日期时间，请核对';
  if (m[7] && !isRealOffset(m[7], Number(m[8]), Number(m[9]))) return '形成时间的时区不正确，请核对';
  if (iso.slice(0, 10) < EARLIEST_CAPTURE_DATE) return '形成时间不能早于1970年1月1日，请核对年份';
  if (now && Date.parse(iso) > now.getTime() + CAPTURE_AHEAD_TOLERANCE_MS) return '形成时间不能晚于现在，请核对';
  return null;
}

/** The office's default upload limit (a setting): phone videos run to several GB. */
export const DEFAULT_EVIDENCE_MAX_BYTES = 8 * 1024 ** 3;

export { formatBytes } from '../formatBytes';

export const checklistStates = ['todo', 'done', 'na'] as const;
export type ChecklistState = (typeof checklistStates)[number];
export const checklistStateLabel: Record<ChecklistState, string> = { todo: '待办', done: '已完成', na: '不适用' };
