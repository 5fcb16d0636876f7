import type { CDPSession, Page } from '@playwright/test';

// A V8 heap snapshot taken over the Chrome DevTools Protocol after forced garbage
// collection, and the two questions the privacy proof asks of it: does any string still
// hold this text, and what keeps it alive. DevTools' own snapshot model lives inside the
// DevTools frontend and is not published as a library; the format is small enough to read here.

/** The parts of a CDP session this needs: a page's session, or a worker reached through it. */
export interface Inspector {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  on(event: string, handler: (params: Record<string, unknown>) => void): void;
  off(event: string, handler: (params: Record<string, unknown>) => void): void;
}

interface SnapshotMeta {
  node_fields: string[];
  node_types: [string[], ...unknown[]];
  edge_fields: string[];
  edge_types: [string[], ...unknown[]];
}

export interface HeapSnapshot {
  snapshot: { meta: SnapshotMeta; node_count: number; edge_count: number };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export async function collectGarbage(inspector: Inspector): Promise<void> {
  await inspector.send('HeapProfiler.enable');
  // Twice: the first pass may only clear what makes more garbage collectable (weak maps, finalisers).
  await inspector.send('HeapProfiler.collectGarbage');
  await inspector.send('HeapProfiler.collectGarbage');
}

/** Forces two full collections, then takes a snapshot and parses it. */
export async function takeHeapSnapshot(inspector: Inspector): Promise<HeapSnapshot> {
  await collectGarbage(inspector);
  const chunks: string[] = [];
  const onChunk = (params: Record<string, unknown>) => chunks.push(String(params.chunk));
  inspector.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await inspector.send('HeapProfiler.takeHeapSnapshot', {
      reportProgress: false,
      captureNumericValue: false,
    });
  } finally {
    inspector.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return JSON.parse(chunks.join('')) as HeapSnapshot;
}

/**
 * Every string of the snapshot that contains the needle. V8 names string nodes by their
 * content (flattened, one-byte and two-byte alike, cut at 1024 characters), so one pass over
 * `strings` sees every live string, cons and sliced strings included.
 */
export function stringsContaining(snapshot: HeapSnapshot, needle: string): string[] {
  return snapshot.strings.filter((s) => s.includes(needle));
}

/**
 * For live string nodes containing the needle, the shortest path from the GC roots that
 * keeps each alive (strong edges only), written as DevTools shows it: `node -[edge]-> node`.
 * The needle itself never appears in the result: the string node is shown by its type.
 */
export function retainerPaths(snapshot: HeapSnapshot, needle: string, limit = 5): string[] {
  const { meta } = snapshot.snapshot;
  const nodeWidth = meta.node_fields.length;
  const edgeWidth = meta.edge_fields.length;
  const nodeType = meta.node_fields.indexOf('type');
  const nodeName = meta.node_fields.indexOf('name');
  const edgeCountField = meta.node_fields.indexOf('edge_count');
  const edgeType = meta.edge_fields.indexOf('type');
  const edgeName = meta.edge_fields.indexOf('name_or_index');
  const edgeTo = meta.edge_fields.indexOf('to_node');
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const { nodes, edges, strings } = snapshot;
  const count = nodes.length / nodeWidth;

  const firstEdge = new Uint32Array(count + 1);
  for (let n = 0; n < count; n++)
    firstEdge[n + 1] = firstEdge[n]! + nodes[n * nodeWidth + edgeCountField]! * edgeWidth;

  const isTarget = (n: number) => {
    const type = nodeTypes[nodes[n * nodeWidth + nodeType]!];
    if (type !== 'string' && type !== 'concatenated string' && type !== 'sliced string')
      return false;
    return strings[nodes[n * nodeWidth + nodeName]!]!.includes(needle);
  };

  // Breadth first from the synthetic root gives each node its shortest strong retainer chain.
  const parentNode = new Int32Array(count).fill(-1);
  const parentEdge = new Int32Array(count).fill(-1);
  const seen = new Uint8Array(count);
  seen[0] = 1;
  const queue = [0];
  const found: number[] = [];
  for (let head = 0; head < queue.length && found.length < limit; head++) {
    const n = queue[head]!;
    for (let e = firstEdge[n]!; e < firstEdge[n + 1]!; e += edgeWidth) {
      if (edgeTypes[edges[e + edgeType]!] === 'weak') continue;
      const to = edges[e + edgeTo]! / nodeWidth;
      if (seen[to]) continue;
      seen[to] = 1;
      parentNode[to] = n;
      parentEdge[to] = e;
      queue.push(to);
      if (isTarget(to)) found.push(to);
    }
  }

  const describeNode = (n: number) => {
    const type = nodeTypes[nodes[n * nodeWidth + nodeType]!]!;
    if (type.includes('string')) return `(${type})`;
    const name = strings[nodes[n * nodeWidth + nodeName]!]!.slice(0, 60);
    return `${name || '(anonymous)'} [${type}]`;
  };
  const describeEdge = (e: number) => {
    const type = edgeTypes[edges[e + edgeType]!]!;
    const raw = edges[e + edgeName]!;
    const name = type === 'element' || type === 'hidden' ? String(raw) : strings[raw]!;
    return `${type}:${name.slice(0, 40)}`;
  };

  return found.map((target) => {
    const steps: string[] = [describeNode(target)];
    for (let n = target; parentNode[n]! > 0; n = parentNode[n]!)
      steps.unshift(`${describeNode(parentNode[n]!)} -[${describeEdge(parentEdge[n]!)}]->`);
    return steps.join(' ');
  });
}

/** The page's CDP session, typed as an `Inspector`. */
export async function pageInspector(page: Page): Promise<Inspector & { detach(): Promise<void> }> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const untyped = session as unknown as {
    on(event: string, handler: (params: Record<string, unknown>) => void): void;
    off(event: string, handler: (params: Record<string, unknown>) => void): void;
  };
  return {
    send: (method, params) => session.send(method as 'HeapProfiler.enable', params as never),
    on: (event, handler) => untyped.on(event, handler),
    off: (event, handler) => untyped.off(event, handler),
    detach: () => session.detach(),
  };
}

/**
 * Inspectors for the page's dedicated workers. Playwright opens CDP sessions on pages and
 * frames only, so this attaches through the page's own session (non-flattened target
 * sessions: each command travels wrapped in `Target.sendMessageToTarget`).
 */
export async function workerInspectors(page: Inspector): Promise<Inspector[]> {
  const attached: string[] = [];
  const onAttached = (params: Record<string, unknown>) => {
    const info = params.targetInfo as { type: string };
    if (info.type === 'worker') attached.push(String(params.sessionId));
  };
  page.on('Target.attachedToTarget', onAttached);
  await page.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  // Attachment events for workers that already run arrive right after the call returns.
  await new Promise((resolve) => setTimeout(resolve, 500));
  page.off('Target.attachedToTarget', onAttached);
  return attached.map((sessionId) => nestedInspector(page, sessionId));
}

function nestedInspector(page: Inspector, sessionId: string): Inspector {
  let nextId = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const handlers = new Map<string, Set<(params: Record<string, unknown>) => void>>();
  page.on('Target.receivedMessageFromTarget', (params) => {
    if (params.sessionId !== sessionId) return;
    const message = JSON.parse(String(params.message)) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
      method?: string;
      params?: Record<string, unknown>;
    };
    if (message.id !== undefined) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result);
    } else if (message.method) {
      for (const handler of handlers.get(message.method) ?? []) handler(message.params ?? {});
    }
  });
  return {
    send(method, params) {
      const id = nextId++;
      const result = new Promise<unknown>((resolve, reject) =>
        pending.set(id, { resolve, reject }),
      );
      void page
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params: params ?? {} }),
        })
        .catch((error: Error) => pending.get(id)?.reject(error));
      return result;
    },
    on(event, handler) {
      if (!handlers.has(event)) handlers.set(event, new Set());
      handlers.get(event)!.add(handler);
    },
    off(event, handler) {
      handlers.get(event)?.delete(handler);
    },
  };
}
