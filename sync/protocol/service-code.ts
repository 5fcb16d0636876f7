import { z } from 'zod';

/** 事项编码 or 业务办理项编码: opaque, but always short and ASCII. */
export const ServiceCode = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'a service code is 1–40 letters, digits, _ or -');
