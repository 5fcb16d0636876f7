import { useEffect, useState } from 'react';
import type { KioskSync } from '../../sync/client/kiosk-sync';
import type { SyncStatus } from '../../sync/client/sync-status';

/** The technician's and the citizen's view of the sync state, refreshed on every change. */
export function useSyncStatus(
  sync: KioskSync | undefined,
  refreshMs = 5_000,
): SyncStatus | undefined {
  const [status, setStatus] = useState<SyncStatus>();
  useEffect(() => {
    if (!sync) return;
    let alive = true;
    const refresh = () => void sync.status().then((s) => alive && setStatus(s));
    const unsubscribe = sync.onStatus((s) => alive && setStatus(s));
    refresh();
    // Ages grow without events.
    const timer = setInterval(refresh, refreshMs);
    return () => {
      alive = false;
      unsubscribe();
      clearInterval(timer);
    };
  }, [sync, refreshMs]);
  return status;
}

/** What the citizen is told about one application: honest about whether the platform has it. */
export function deliveryMessageZh(
  state: 'queued' | 'sending' | 'acked' | 'quarantined' | undefined,
): string {
  if (state === 'acked') return '已提交至平台';
  if (state === 'quarantined') return '已保存，待工作人员核查后提交';
  return '已保存，网络恢复后自动提交';
}
