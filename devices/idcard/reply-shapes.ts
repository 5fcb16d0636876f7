// What a plausible reply to each command looks like: anything else on the line is a late
// answer to an earlier command, and is dropped rather than misread.
import type { Reply } from './sam-frame';

const isError = (reply: Reply) =>
  reply.sw3 !== 0x90 && reply.sw3 !== 0x9f && reply.data.length === 0;

export const replyShapes = {
  find: (reply: Reply) => isError(reply) || (reply.sw3 === 0x9f && reply.data.length === 4),
  select: (reply: Reply) => isError(reply) || (reply.sw3 === 0x90 && reply.data.length === 8),
  baseInfo: (reply: Reply) => isError(reply) || (reply.sw3 === 0x90 && reply.data.length >= 4),
  samStatus: (reply: Reply) => isError(reply) || (reply.sw3 === 0x90 && reply.data.length === 0),
  samId: (reply: Reply) => isError(reply) || (reply.sw3 === 0x90 && reply.data.length === 16),
} as const;
