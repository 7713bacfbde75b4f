/**
 * How notices write dates, times and money (GB/T 9704-2012 7.3.5: 成文日期用阿拉伯数字将年、月、日
 * 标全，月、日不编虚位 — "2026年11月2日").
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** "2026-11-02" → "2026年11月2日". */
export function cnDate(iso: string): string {
  const m = DATE.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

const WEEKDAYS = '日一二三四五六';

/** "2026-11-25", "14:30" → "2026年11月25日（星期三）14时30分"; minutes left out on the hour. */
export function cnDateTime(date: string, time: string): string {
  const m = DATE.exec(date);
  const weekday = m ? WEEKDAYS[new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay()] : undefined;
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return `${cnDate(date)}${weekday ? `（星期${weekday}）` : ''}${h}时${mi ? `${mi}分` : ''}`;
}

/** 19950 → "199.50元". Integer arithmetic only. */
export function cnYuan(fen: number): string {
  const abs = Math.abs(Math.trunc(fen));
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}元`;
}

/** A free-text box as paragraphs: one per non-empty line. */
export const paragraphs = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** Ends with a full stop, a question or exclamation mark, or an ellipsis, maybe inside closing quotes or brackets. */
const ENDED = /[。！？!?…]["”’」』）)]*$/;
/** A lead-in ("请携带：") or a list item ("…；") ends as it is. */
const OPEN = /[：:；;]$/;

/**
 * A sentence of a notice ends with 。 (GB/T 15834): a line typed without one gets it, a trailing
 * comma or pause mark becomes it; a line that already ends a sentence, leads in to what follows
 * (：) or is one item of a list (；) is left as typed.
 */
export function sentence(text: string): string {
  const t = text.trim();
  if (t === '' || ENDED.test(t) || OPEN.test(t)) return t;
  return `${t.replace(/[，,、.．\s]+$/, '')}。`;
}
