import { z } from 'zod';
import { empty } from './common';

const item = z.object({ code: z.string(), name: z.string() });

export const catalogGet = {
  input: empty,
  output: z.object({
    categories: z.array(item.extend({ group: z.string() })),
    natures: z.array(item),
    channels: z.array(item),
    refusalGrounds: z.array(z.object({ code: z.string(), text: z.string() })),
    terminationGrounds: z.array(z.object({ code: z.string(), text: z.string() })),
    /** 处理结果 codes (domain.md "Outcome measures"), extendable by an administrator. */
    measures: z.array(item),
    /** The office's own districts or towns, for the region of a complaint and the statistics by region. */
    regions: z.array(item),
  }),
};
export type Catalog = z.infer<typeof catalogGet.output>;
