import { z } from 'zod';

/**
 * 从截图识别 (issue [H]): a picture dropped on the registration form, read by OCR, and the purchase's
 * fields it shows offered to the clerk. The page shrinks the picture before sending it (the OCR reads
 * at most 1280 pixels a side anyway), so it travels as base64 inside the API's 1 MB JSON body.
 */
export const SCREENSHOT_MAX_BYTES = 720 * 1024;
/** The longer side the page shrinks a picture to before sending it. */
export const SCREENSHOT_MAX_SIDE = 1600;

const found = <T extends z.ZodType>(value: T) => z.object({ value, line: z.string() }).optional();

export const intakeReadScreenshot = {
  input: z.object({
    image: z
      .string({ error: '请选择截图' })
      .min(1, '请选择截图')
      .max(Math.ceil(SCREENSHOT_MAX_BYTES / 3) * 4, '截图过大，请先缩小后再识别')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, '截图数据有误（应为 base64 编码的图片）'),
  }),
  output: z.object({
    /** done: text found; empty: no text in the picture; failed: not read (note says why). */
    state: z.enum(['done', 'empty', 'failed']),
    note: z.string().nullable(),
    /** The lines read, as read (the clerk may copy from them). */
    text: z.string(),
    fields: z.object({
      respondentName: found(z.string()),
      subject: found(z.string()),
      amountPaidFen: found(z.number().int()),
      purchasedOn: found(z.string()),
      orderNo: found(z.string()),
    }),
  }),
};
export type ScreenshotReading = z.infer<typeof intakeReadScreenshot.output>;
