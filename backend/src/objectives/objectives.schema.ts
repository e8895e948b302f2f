import { z } from 'zod';

export const ObjectiveView = z
  .object({
    id: z.number().int(),
    code: z.string().meta({ example: 'I.3' }),
    axis: z.string().meta({ example: 'I' }),
    axisTitle: z.string(),
    title: z.string(),
    description: z.string(),
  })
  .meta({ id: 'Objective' });
export type ObjectiveView = z.infer<typeof ObjectiveView>;

export const ObjectiveList = z.object({ items: z.array(ObjectiveView) }).meta({ id: 'ObjectiveList' });
export type ObjectiveList = z.infer<typeof ObjectiveList>;
