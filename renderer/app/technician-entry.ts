// How a technician reaches the console on a kiosk with no keyboard: a long press in the
// top-left corner. Long enough that no citizen does it by accident, one finger only.

export const ENTRY_CORNER_PX = 120;
export const ENTRY_HOLD_MS = 5000;

export function inEntryCorner(x: number, y: number): boolean {
  return x >= 0 && y >= 0 && x <= ENTRY_CORNER_PX && y <= ENTRY_CORNER_PX;
}

/** Watches pointer events and calls `onEnter` after a held press in the corner. */
export function watchTechnicianEntry(
  target: Window,
  onEnter: () => void,
  holdMs = ENTRY_HOLD_MS,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const down = (event: PointerEvent) => {
    cancel();
    if (event.isPrimary && inEntryCorner(event.clientX, event.clientY))
      timer = setTimeout(onEnter, holdMs);
  };
  const move = (event: PointerEvent) => {
    if (timer && !inEntryCorner(event.clientX, event.clientY)) cancel();
  };
  target.addEventListener('pointerdown', down, { capture: true });
  target.addEventListener('pointermove', move, { capture: true });
  target.addEventListener('pointerup', cancel, { capture: true });
  target.addEventListener('pointercancel', cancel, { capture: true });
  const onHash = () => {
    if (target.location.hash === '#technician') onEnter();
  };
  target.addEventListener('hashchange', onHash);
  onHash();
  return () => {
    cancel();
    target.removeEventListener('pointerdown', down, { capture: true });
    target.removeEventListener('pointermove', move, { capture: true });
    target.removeEventListener('pointerup', cancel, { capture: true });
    target.removeEventListener('pointercancel', cancel, { capture: true });
    target.removeEventListener('hashchange', onHash);
  };
}
