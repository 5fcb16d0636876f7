/**
 * The framing of Chromium's DevTools pipe (--remote-debugging-pipe): each message is UTF-8
 * JSON followed by a NUL byte, on fd 3 towards Chromium and fd 4 back. JSON text never holds
 * a raw NUL (a NUL in a string is escaped), so the byte always ends a message.
 */
export function encodeFrame(message: string): Buffer {
  return Buffer.concat([Buffer.from(message, 'utf8'), Buffer.of(0)]);
}

/**
 * Splits what the pipe delivers, in chunks cut anywhere (in a message, in a UTF-8
 * sequence), back into messages; bytes are decoded once a message is whole.
 */
export class FrameDecoder {
  private parts: Buffer[] = [];

  push(chunk: Buffer): string[] {
    const messages: string[] = [];
    let from = 0;
    for (let end = chunk.indexOf(0, from); end !== -1; end = chunk.indexOf(0, from)) {
      this.parts.push(chunk.subarray(from, end));
      messages.push(Buffer.concat(this.parts).toString('utf8'));
      this.parts = [];
      from = end + 1;
    }
    if (from < chunk.length) this.parts.push(chunk.subarray(from));
    return messages;
  }
}
