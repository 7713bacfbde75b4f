import type { Sharp, SharpOptions } from 'sharp';
import { EARLIEST_CAPTURE_DATE, isRealDay, isRealOffset, previewOf } from '../../../../shared/domain/evidence';
import type { Logger } from '../../ports';
import { childTools } from './childTools';
import { isoFromWallTime, isoLocal } from '../../time';
import { leanImage, readRanges } from './leanImage';

/** sharp and exifr load at the first picture, not at every start (libvips alone is a tenth of a second). */
let sharpLoaded: Promise<(input: string | Buffer, options: SharpOptions) => Sharp> | null = null;
const loadSharp = () =>
  (sharpLoaded ??= import('sharp').then(({ default: sharp }) => {
    // Thumbnails are made once and kept in the vault; libvips' own cache would only hold memory.
    sharp.cache(false);
    return (input: string | Buffer, options: SharpOptions) => sharp(input, options);
  }));

/**
 * Loads what the first piece of evidence needs (sharp with libvips, exifr, file-type) ahead of it.
 * A module loads on the main thread: at the first import of a photo or video it held the event loop
 * 100–106 ms (sharp's dlopen and its requires), in the call. Run once the page has stopped asking
 * (the host's and the window's idle warm-up), it costs no one a wait.
 */
export async function warmMediaLibraries(): Promise<void> {
  await loadSharp();
  await import('exifr');
  await import('file-type');
}

export interface MediaTools {
  /** ffmpeg and ffprobe when installed (poster frames, video metadata); null where absent. */
  ffmpeg: string | null;
  ffprobe: string | null;
}

/** ffmpeg from PATH unless COMPLAINTDESK_FFMPEG names another one, or 'none' to go without. */
export function mediaToolsFromEnv(env: NodeJS.ProcessEnv = process.env): MediaTools {
  const chosen = env.COMPLAINTDESK_FFMPEG;
  if (chosen === 'none') return { ffmpeg: null, ffprobe: null };
  const ffmpeg = chosen || 'ffmpeg';
  return { ffmpeg, ffprobe: ffmpeg.replace(/ffmpeg(\.exe)?$/i, (_m, exe: string | undefined) => `ffprobe${exe ?? ''}`) };
}

export interface MediaFacts {
  capturedAt: string | null;
  capturedAtFrom: 'exif' | 'media' | null;
  /**
   * The time text the file carries, as it was (EXIF `2026:02:30 25:61:61 +99:99`). The register
   * keeps it only beside a time it could not take (no real time, or outside captureTimeProblem's
   * bounds), where capturedAt stays empty.
   */
  capturedAtRaw: string | null;
  orientation: number | null;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  /** A JPEG thumbnail or poster frame, upright, at most 320 px. */
  thumbnail: Buffer | null;
}

const THUMB = 320;
const EXIF_TIME = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const EXIF_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/**
 * What libvips may take in: at most 0x3FFF² pixels (sharp's default, stated so it stays), read
 * front to back (sequentialRead: a thumbnail needs one pass, not the whole picture in memory).
 */
const DECODE = { failOn: 'none', limitInputPixels: 0x3fff * 0x3fff, sequentialRead: true } as const;

/** Larger than this after its metadata is left out, a picture gets no thumbnail (an icon) rather than a buffer of its size. */
const LEAN_BUFFER_MAX = 64 * 1024 * 1024;

/**
 * exifr reads a file in chunks until it has the tags asked for; these bound it to the first 320 KB
 * (EXIF sits at the front of a JPEG, HEIC or TIFF), whatever the file holds behind.
 */
const EXIF_READ = { chunked: true, firstChunkSize: 64 * 1024, chunkSize: 64 * 1024, chunkLimit: 4 } as const;

/** Text from a file kept for people to read: no control characters, not too long. */
// eslint-disable-next-line no-control-regex -- control characters are what goes
const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/g, '\ufffd').slice(0, 100);

/**
 * An EXIF time text (`2026:11:20 14:03:05`, DateTimeOriginal has no zone) with its offset tag, if
 * any, → ISO-8601: read as office time unless the photo gives its offset. Null when the text is no
 * real time: 30 February, 25:61:61, an offset of +99:99, a camera's 0000:00:00.
 */
export function exifTime(raw: string, offsetTag: string | null, zone: string): string | null {
  const m = EXIF_TIME.exec(raw);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const wall = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  // Before 1970 is an unset camera clock (0000, 0001, 1970 give or take a zone), never a capture.
  if (!isRealDay(y, mo, d) || h > 23 || mi > 59 || s > 59 || wall < EARLIEST_CAPTURE_DATE) return null;
  if (offsetTag === null) return isoFromWallTime(wall, zone);
  const o = EXIF_OFFSET.exec(offsetTag);
  return o && isRealOffset(o[1]!, Number(o[2]), Number(o[3])) ? `${wall}${offsetTag}` : null;
}

/** EXIF capture time and orientation, read from the front of the file only (EXIF_READ). */
async function exifFacts(path: string, zone: string) {
  const { default: exifr } = await import('exifr');
  const tags = (await exifr.parse(path, {
    ...EXIF_READ,
    pick: ['DateTimeOriginal', 'CreateDate', 'OffsetTimeOriginal', 'Orientation'],
    reviveValues: false,
    translateValues: false,
  }).catch(() => null)) as Record<string, unknown> | null | undefined;
  const stamp = tags?.DateTimeOriginal ?? tags?.CreateDate;
  const rawTime = typeof stamp === 'string' ? stamp.trim().replace(/\0+$/, '') : null;
  const offset = typeof tags?.OffsetTimeOriginal === 'string' ? tags.OffsetTimeOriginal.trim().replace(/\0+$/, '') || null : null;
  const capturedAt = rawTime ? exifTime(rawTime, offset, zone) : null;
  const o = Number(tags?.Orientation);
  return {
    capturedAt,
    text: rawTime ? printable(offset ? `${rawTime} ${offset}` : rawTime) : null,
    orientation: Number.isInteger(o) && o >= 1 && o <= 8 ? o : null,
  };
}

/**
 * What libvips is given for a picture: its path, or for a JPEG or PNG carrying more metadata than
 * any camera writes, the file without the surplus (leanImage), so memory follows the picture, not
 * the padding. Null when even that is too large to hold (no thumbnail then: the page shows an icon).
 */
export async function decoderInput(path: string, mime: string): Promise<string | Buffer | null> {
  const lean = await leanImage(path, mime);
  if (!lean || lean.dropped === 0) return path;
  const keep = lean.ranges.reduce((n, [a, b]) => n + (b - a), 0);
  return keep > LEAN_BUFFER_MAX ? null : readRanges(path, lean.ranges);
}

/** ffprobe's creation_time (`2026-11-19T06:30:00.000000Z`): a real day and time, a year after 0. */
function mediaTimeIsReal(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return text.slice(0, 10) >= EARLIEST_CAPTURE_DATE && isRealDay(y, mo, d) && h <= 23 && mi <= 59 && s <= 59 && !Number.isNaN(Date.parse(text));
}

/** Width, height, duration and the recording time a phone writes into a video or recording. */
async function probe(tools: MediaTools, path: string) {
  if (!tools.ffprobe) return null;
  const out = await childTools.run(tools.ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path], 'utf8');
  if (!out) return null;
  try {
    const info = JSON.parse(out) as { format?: { duration?: string; tags?: Record<string, string> }; streams?: { codec_type?: string; width?: number; height?: number }[] };
    const video = info.streams?.find((s) => s.codec_type === 'video');
    const created = info.format?.tags?.creation_time;
    // A real instant only: Date.parse would read 2026-02-30 as 2 March.
    const at = typeof created === 'string' && mediaTimeIsReal(created) ? new Date(created) : null;
    return {
      width: video?.width ?? null,
      height: video?.height ?? null,
      durationSeconds: info.format?.duration ? Number(info.format.duration) : null,
      capturedAt: at,
      rawTime: typeof created === 'string' ? created : null,
    };
  } catch {
    return null;
  }
}

async function thumbnailOf(input: string | Buffer): Promise<Buffer | null> {
  try {
    // rotate() with no angle turns the picture upright by its EXIF orientation; libvips works off the event loop.
    const sharp = await loadSharp();
    return await sharp(input, DECODE)
      .rotate()
      .resize(THUMB, THUMB, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 78 })
      .toBuffer();
  } catch {
    return null;
  }
}

/** A frame a second in (or at the start of a shorter clip), by ffmpeg where it is installed. */
async function posterFrame(tools: MediaTools, path: string, duration: number | null): Promise<Buffer | null> {
  if (!tools.ffmpeg) return null;
  const at = duration !== null && duration < 2 ? 0 : 1;
  const frame = await childTools.run(tools.ffmpeg, ['-v', 'error', '-ss', String(at), '-i', path, '-frames:v', '1', '-f', 'image2pipe', '-vcodec', 'mjpeg', '-'], 'buffer');
  return frame && frame.length > 0 ? thumbnailOf(frame) : null;
}

/**
 * What the desk learns from a stored file: capture time, orientation, size, duration and a
 * thumbnail. Best effort: a file these tools cannot read is still kept, with an icon for its type.
 */
export async function mediaFacts(path: string, mime: string, zone: string, tools: MediaTools, log: Logger): Promise<MediaFacts> {
  const none: MediaFacts = { capturedAt: null, capturedAtFrom: null, capturedAtRaw: null, orientation: null, width: null, height: null, durationSeconds: null, thumbnail: null };
  try {
    const preview = previewOf(mime);
    if (mime.startsWith('image/')) {
      const exif = await exifFacts(path, zone);
      const input = await decoderInput(path, mime);
      const sharp = await loadSharp();
      const meta = input === null ? null : await sharp(input, DECODE).metadata().catch(() => null);
      return {
        ...none,
        capturedAt: exif.capturedAt,
        capturedAtFrom: exif.capturedAt ? 'exif' : null,
        capturedAtRaw: exif.text,
        orientation: exif.orientation,
        width: meta?.width ?? null,
        height: meta?.height ?? null,
        thumbnail: input === null ? null : await thumbnailOf(input),
      };
    }
    if (preview === 'video' || preview === 'audio' || mime.startsWith('video/') || mime.startsWith('audio/')) {
      const p = await probe(tools, path);
      const capturedAt = p?.capturedAt ? isoLocal(p.capturedAt, zone) : null;
      return {
        ...none,
        capturedAt,
        capturedAtFrom: capturedAt ? 'media' : null,
        capturedAtRaw: p?.rawTime ? printable(p.rawTime) : null,
        width: p?.width ?? null,
        height: p?.height ?? null,
        durationSeconds: p?.durationSeconds ?? null,
        thumbnail: mime.startsWith('video/') ? await posterFrame(tools, path, p?.durationSeconds ?? null) : null,
      };
    }
    return none;
  } catch (error) {
    log.warn(`could not read media facts of ${mime} file: ${(error as Error).message}`);
    return none;
  }
}
