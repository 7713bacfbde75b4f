import { crc32 } from 'node:zlib';

/**
 * A seal image is checked by its content, never by its name (style.md "Every input is
 * validated"): the PNG signature, every chunk whole with a correct CRC, IHDR first, image data
 * present, IEND last, and a size a seal can have.
 */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngInfo {
  width: number;
  height: number;
}

export function readPng(buf: Buffer): PngInfo | string {
  if (buf.length < 8 + 25 || !buf.subarray(0, 8).equals(SIGNATURE)) return '不是PNG图片，请上传PNG格式的印章图片';
  let offset = 8;
  let info: PngInfo | null = null;
  let sawData = false;
  let sawEnd = false;
  while (offset < buf.length) {
    if (offset + 12 > buf.length) return 'PNG图片不完整，请重新导出后上传';
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > buf.length) return 'PNG图片不完整，请重新导出后上传';
    if (crc32(buf.subarray(offset + 4, offset + 8 + length)) !== buf.readUInt32BE(offset + 8 + length)) return 'PNG图片已损坏（校验不符），请重新导出后上传';
    if (!info && type !== 'IHDR') return 'PNG图片结构不正确，请重新导出后上传';
    if (type === 'IHDR') info = { width: buf.readUInt32BE(offset + 8), height: buf.readUInt32BE(offset + 12) };
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') {
      sawEnd = end === buf.length;
      break;
    }
    offset = end;
  }
  if (!info || !sawData || !sawEnd) return 'PNG图片不完整，请重新导出后上传';
  if (info.width < 64 || info.height < 64) return `印章图片太小（${info.width}×${info.height}像素），请使用不小于300×300像素的扫描图`;
  if (info.width > 4000 || info.height > 4000) return `印章图片太大（${info.width}×${info.height}像素），请缩小到4000×4000像素以内`;
  const ratio = info.width / info.height;
  if (ratio < 0.5 || ratio > 2) return '印章图片的宽高比例不像印章，请裁剪到印章本身后上传';
  return info;
}
