// Photos of materials are shrunk before sealing: a document camera gives 8–16 MP, while a
// page stays legible at 1600 px on its long side, about 200–400 KB as JPEG at quality 0.8.
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
