// Photos of materials are shrunk before sealing: a document camera gives far more pixels than
// a page needs to stay legible, and every byte kept is sealed, stored and uploaded.
export const MAX_LONG_SIDE = 1600;
export const JPEG_QUALITY = 0.8;

export function fitWithin(
  width: number,
  height: number,
  maxLongSide = MAX_LONG_SIDE,
): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= maxLongSide || long === 0) return { width, height };
  const scale = maxLongSide / long;
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}
