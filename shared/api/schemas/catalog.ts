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

/** The office's own list of districts or towns (an administrator's), in the order the form offers them. */
export const catalogSaveRegions = {
  input: z.object({
    regions: z
      .array(
        z.object({
          /** An existing region's code (a rename keeps it); absent for a new one. */
          code: z.string().trim().min(1).max(40).optional(),
          name: z.string({ error: '请填写地区名称' }).trim().min(1, '请填写地区名称').max(30, '地区名称不能超过30个字'),
        }),
      )
      .max(200, '地区最多200个'),
  }),
  output: z.object({ regions: z.array(item) }),
};
