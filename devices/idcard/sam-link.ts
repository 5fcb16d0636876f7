// One SAM command at a time over a byte transport: write the request, wait for its reply.
// Replies that cannot belong to the command (late answers to one that timed out) are
// dropped, and a corrupt frame cuts the wait short so the driver retries at once.
import type { ByteTransport } from '../transport/transport';
import { SamFrameDecoder, type DecoderEvent } from './frame-decoder';
import { encodeRequest, parseReply, type Reply, type Request } from './sam-frame';

export type LinkFailure = 'timeout' | 'corrupt' | 'closed';

export class LinkError extends Error {
  constructor(
    readonly failure: LinkFailure,
    message: string,
  ) {
    super(message);
    this.name = 'LinkError';
  }
}

export interface ExchangeOptions {
  timeoutMs: number;
  /** False for a reply that cannot answer this request; it is then dropped as stale. */
  accepts?: (reply: Reply) => boolean;
}

interface Pending {
  accepts: (reply: Reply) => boolean;
  settle: (outcome: { reply: Reply } | { error: LinkError }) => void;
  corruptSeen: boolean;
  shorten: (ms: number) => void;
}

export interface SamLinkOptions {
  /** How long to wait for a good frame after a corrupt one before giving up on the reply. */
  corruptGraceMs?: number;
  /** Dropped bytes and frames, for diagnostics counters (never logged as content). */
  onDiscard?: (event: Exclude<DecoderEvent, { kind: 'frame' }> | { kind: 'stale' }) => void;
}

export class SamLink {
  private readonly decoder = new SamFrameDecoder();
  private pending: Pending | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private closedError: LinkError | undefined;
  private readonly detach: (() => void)[];
  private readonly corruptGraceMs: number;

  constructor(
    readonly transport: ByteTransport,
    private readonly options: SamLinkOptions = {},
  ) {
    this.corruptGraceMs = options.corruptGraceMs ?? 50;
    this.detach = [
      transport.onData((chunk) => this.receive(chunk)),
      transport.onClose((error) => {
        this.closedError = new LinkError(
          'closed',
          `${transport.description}: ${error?.message ?? 'closed'}`,
        );
        this.pending?.settle({ error: this.closedError });
      }),
    ];
  }

  get closed(): boolean {
    return this.closedError !== undefined;
  }

  /** Sends a request and resolves with its reply; commands queue behind each other. */
  exchange(request: Request, options: ExchangeOptions): Promise<Reply> {
    const run = () => this.run(encodeRequest(request), options);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  dispose(): void {
    for (const off of this.detach) off();
  }

  private run(
    frame: Uint8Array,
    { timeoutMs, accepts = () => true }: ExchangeOptions,
  ): Promise<Reply> {
    if (this.closedError) return Promise.reject(this.closedError);
    // Whatever is half-received now belongs to an earlier command.
    this.decoder.reset();
    return new Promise<Reply>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout>;
      const settle: Pending['settle'] = (outcome) => {
        if (this.pending !== pending) return;
        this.pending = undefined;
        clearTimeout(timer);
        if ('reply' in outcome) resolve(outcome.reply);
        else reject(outcome.error);
      };
      const expire = () =>
        settle({
          error: pending.corruptSeen
            ? new LinkError('corrupt', 'reply frame was corrupt')
            : new LinkError('timeout', `no reply within ${timeoutMs} ms`),
        });
      const deadline = Date.now() + timeoutMs;
      const pending: Pending = {
        accepts,
        settle,
        corruptSeen: false,
        shorten: (ms) => {
          if (Date.now() + ms >= deadline) return;
          clearTimeout(timer);
          timer = setTimeout(expire, ms);
        },
      };
      this.pending = pending;
      timer = setTimeout(expire, timeoutMs);
      this.transport
        .write(frame)
        .catch((error: unknown) =>
          settle({ error: new LinkError('closed', `write failed: ${(error as Error).message}`) }),
        );
    });
  }

  private receive(chunk: Uint8Array): void {
    for (const event of this.decoder.push(chunk)) {
      if (event.kind !== 'frame') {
        this.options.onDiscard?.(event);
        if (event.reason === 'checksum' && this.pending && !this.pending.corruptSeen) {
          this.pending.corruptSeen = true;
          this.pending.shorten(this.corruptGraceMs);
        }
        continue;
      }
      const reply = parseReply(event.body);
      if (reply && this.pending?.accepts(reply)) this.pending.settle({ reply });
      else this.options.onDiscard?.({ kind: 'stale' });
    }
  }
}
