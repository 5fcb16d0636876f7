import { z } from 'zod';
import type { Locale } from './locale';

/** Every citizen-facing text of the protocol comes in both locales. */
export const LocalizedText = z.object({
  'zh-CN': z.string().min(1).max(4000),
  en: z.string().min(1).max(4000),
} satisfies Record<Locale, z.ZodString>);
export type LocalizedText = z.infer<typeof LocalizedText>;
