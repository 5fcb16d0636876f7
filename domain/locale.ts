import { z } from 'zod';

/** The kiosk's two languages: Chinese is the source, English must say the same. */
export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;
