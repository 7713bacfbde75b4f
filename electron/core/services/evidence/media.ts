import { execFile } from 'node:child_process';
import exifr from 'exifr';
import sharp from 'sharp';
import { previewOf } from '../../../../shared/domain/evidence';
import type { Logger } from '../../ports';
import { isoFromWallTime, isoLocal } from '../../time';

// Thumbnails are made once and kept in the vault; libvips' own cache would only hold memory.
sharp.cache(false);

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
  orientation: number | null;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  /** A JPEG thumbnail or poster frame, upright, at most 320 px. */
  thumbnail: Buffer | null;
}

const THUMB = 320;
const EXIF_TIME = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Runs a tool as a child process (never blocking the process that answers the page); null when it is absent or fails. */
function run(file: string, args: string[], encoding: 'buffer' | 'utf8'): Promise<Buffer | string | null> {
  return new Promise((resolve) => {
    execFile(file, args, { encoding, maxBuffer: 16 * 1024 * 1024, timeout: 60_000, windowsHide: true }, (error, stdout) =>
      resolve(error ? null : stdout),
    );
  });
}

/** EXIF capture time and orientation. DateTimeOriginal has no zone: it is read as office time unless the photo gives its offset. */
async function exifFacts(path: string, zone: string) {
  const tags = (await exifr.parse(path, {
    pick: ['DateTimeOriginal', 'CreateDate', 'OffsetTimeOriginal', 'Orientation'],
    reviveValues: false,
    translateValues: false,
  }).catch(() => null)) as Record<string, unknown> | null | undefined;
  const raw = String(tags?.DateTimeOriginal ?? tags?.CreateDate ?? '');
  const m = EXIF_TIME.exec(raw);
  const offset = typeof tags?.OffsetTimeOriginal === 'string' && /^[+-]\d{2}:\d{2}$/.test(tags.OffsetTimeOriginal) ? tags.OffsetTimeOriginal : null;
  let capturedAt: string | null = null;
  if (m && m[1] !== '0000') {
    const wall = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
    capturedAt = offset ? `${wall}${offset}` : isoFromWallTime(wall, zone);
  }
  const o = Number(tags?.Orientation);
  return { capturedAt, orientation: Number.isInteger(o) && o >= 1 && o <= 8 ? o : null };
}

/** Width, height, duration and the recording time a phone writes into a video or recording. */
async function probe(tools: MediaTools, path: string) {
  if (!tools.ffprobe) return null;
  const out = await run(tools.ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path], 'utf8');
  if (!out) return null;
  try {
    const info = JSON.parse(String(out)) as { format?: { duration?: string; tags?: Record<string, string> }; streams?: { codec_type?: string; width?: number; height?: number }[] };
    const video = info.streams?.find((s) => s.codec_type === 'video');
    const created = info.format?.tags?.creation_time;
    const at = created && !Number.isNaN(Date.parse(created)) ? new Date(created) : null;
    return {
      width: video?.width ?? null,
      height: video?.height ?? null,
      durationSeconds: info.format?.duration ? Number(info.format.duration) : null,
      capturedAt: at ? at : null,
    };
  } catch {
    return null;
  }
}

async function thumbnailOf(input: string | Buffer): Promise<Buffer | null> {
  try {
    // rotate() with no angle turns the picture upright by its EXIF orientation; libvips works off the event loop.
    return await sharp(input, { failOn: 'none', limitInputPixels: 268_402_689 })
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
  const frame = await run(tools.ffmpeg, ['-v', 'error', '-ss', String(at), '-i', path, '-frames:v', '1', '-f', 'image2pipe', '-vcodec', 'mjpeg', '-'], 'buffer');
  return frame && (frame as Buffer).length > 0 ? thumbnailOf(frame as Buffer) : null;
}

/**
 * What the desk learns from a stored file: capture time, orientation, size, duration and a
 * thumbnail. Best effort: a file these tools cannot read is still kept, with an icon for its type.
 */
export async function mediaFacts(path: string, mime: string, zone: string, tools: MediaTools, log: Logger): Promise<MediaFacts> {
  const none: MediaFacts = { capturedAt: null, capturedAtFrom: null, orientation: null, width: null, height: null, durationSeconds: null, thumbnail: null };
  try {
    const preview = previewOf(mime);
    if (mime.startsWith('image/')) {
      const exif = await exifFacts(path, zone);
      const meta = await sharp(path, { failOn: 'none' }).metadata().catch(() => null);
      return {
        ...none,
        capturedAt: exif.capturedAt,
        capturedAtFrom: exif.capturedAt ? 'exif' : null,
        orientation: exif.orientation,
        width: meta?.width ?? null,
        height: meta?.height ?? null,
        thumbnail: await thumbnailOf(path),
      };
    }
    if (preview === 'video' || preview === 'audio' || mime.startsWith('video/') || mime.startsWith('audio/')) {
      const p = await probe(tools, path);
      const capturedAt = p?.capturedAt ? isoLocal(p.capturedAt, zone) : null;
      return {
        ...none,
        capturedAt,
        capturedAtFrom: capturedAt ? 'media' : null,
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
