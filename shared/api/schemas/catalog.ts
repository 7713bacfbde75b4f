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
  }),
};
export type Catalog = z.infer<typeof catalogGet.output>;
