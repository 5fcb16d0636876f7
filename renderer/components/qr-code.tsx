import { useMemo } from 'react';
import { create } from 'qrcode';

/** A QR code drawn as SVG by React: no canvas, no data URL, nothing a strict CSP blocks. */
export function QrCode({
  text,
  size = 240,
  label,
}: {
  text: string;
  size?: number;
  label: string;
}) {
  const path = useMemo(() => {
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    const parts: string[] = [];
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) parts.push(`M${col + 4} ${row + 4}h1v1h-1z`);
      }
    }
    return { d: parts.join(''), extent: modules.size + 8 };
  }, [text]);
  return (
    <svg
      className="qr-code"
      width={size}
      height={size}
      viewBox={`0 0 ${path.extent} ${path.extent}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={path.extent} height={path.extent} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}
