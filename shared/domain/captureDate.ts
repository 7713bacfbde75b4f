/**
 * A capture time (形成时间) later than the moment the file was added to the register cannot be
 * true: the camera's clock was wrong, or the time was mistyped. It is kept as recorded (evidence is
 * never silently changed) and flagged wherever it is shown. Compared as instants, so offsets agree.
 */
export function capturedAfterUpload(capturedAt: string | null, addedAt: string): boolean {
  if (!capturedAt) return false;
  const captured = Date.parse(capturedAt);
  const added = Date.parse(addedAt);
  return Number.isFinite(captured) && Number.isFinite(added) && captured > added;
}

export const CAPTURED_AFTER_UPLOAD = '形成时间晚于添加到本系统的时间，不可能属实：拍摄设备的时钟可能有误，或时间填写有误，请核对。';
