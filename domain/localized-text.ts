import { z } from 'zod';

export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;

/** Every citizen-facing text of the protocol comes in both locales. */
export const LocalizedText = z.object({
  'zh-CN': z.string().min(1).max(4000),
  en: z.string().min(1).max(4000),
});
export type LocalizedText = z.infer<typeof LocalizedText>;
