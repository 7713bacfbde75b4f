import { textReasons } from '../../../../shared/domain/evidenceText';
import type { TextReader, TextReading } from './textWorker';

/**
 * One OCR worker for the register, one picture at a time, whoever asks: the evidence queue and the
 * registration form's 从截图识别 share it, so memory stays at one picture's models (about 450 MB at
 * peak) however both are used. A screenshot asked for waits behind at most the picture being read.
 * Once stopped (the register closing), a picture still waiting is not read.
 */
export function oneAtATime(reader: TextReader): TextReader {
  let last: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const inTurn = (read: () => Promise<TextReading>): Promise<TextReading> => {
    const turn = last.then(() => (stopped ? { state: 'failed' as const, note: textReasons.crashed, detail: 'stopped' } : read()));
    last = turn.catch(() => undefined);
    return turn;
  };
  return {
    read(input) {
      return inTurn(() => reader.read(input));
    },
    readPdf(input) {
      return inTurn(() => reader.readPdf(input));
    },
    get threadId() {
      return reader.threadId;
    },
    stop() {
      stopped = true;
      return reader.stop();
    },
  };
}
