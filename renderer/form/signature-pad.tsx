import { useEffect, useRef } from 'react';
import { usePreferences } from '../app/preferences';

interface SignaturePadProps {
  value: string;
  onChange(dataUrl: string): void;
}

/** One-finger signature for 告知承诺; the value is a PNG data URL sealed with the form. */
export function SignaturePad({ value, onChange }: SignaturePadProps) {
  const { t } = usePreferences();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);

  // The canvas stays untouched (transparent over its white CSS background) until there is
  // something to draw: a canvas drawn on must be copied out with every frame, and the first
  // such copy costs tens of milliseconds, which the form screen's first frame should not.
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !value) return;
    const img = new Image();
    img.onload = () => ctx.drawImage(img, 0, 0);
    img.src = value;
    // Only the first value is drawn back; later values came from this canvas.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return [
      ((e.clientX - rect.left) * e.currentTarget.width) / rect.width,
      ((e.clientY - rect.top) * e.currentTarget.height) / rect.height,
    ] as const;
  };

  const clear = () => {
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    onChange('');
  };

  /** The signature as sealed: dark strokes on white, as before, not on transparency. */
  const exported = (c: HTMLCanvasElement) => {
    const flat = document.createElement('canvas');
    flat.width = c.width;
    flat.height = c.height;
    const ctx = flat.getContext('2d');
    if (!ctx) return c.toDataURL('image/png');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, flat.width, flat.height);
    ctx.drawImage(c, 0, 0);
    return flat.toDataURL('image/png');
  };

  return (
    <div className="signature-pad">
      <canvas
        ref={canvas}
        width={900}
        height={260}
        aria-label={t('form.signHere')}
        role="img"
        onPointerDown={(e) => {
          const ctx = e.currentTarget.getContext('2d');
          if (!ctx) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = true;
          const [x, y] = point(e);
          ctx.lineWidth = 5;
          ctx.lineCap = 'round';
          ctx.strokeStyle = '#111';
          ctx.beginPath();
          ctx.moveTo(x, y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = e.currentTarget.getContext('2d');
          const [x, y] = point(e);
          ctx?.lineTo(x, y);
          ctx?.stroke();
        }}
        onPointerUp={(e) => {
          if (!drawing.current) return;
          drawing.current = false;
          onChange(exported(e.currentTarget));
        }}
      />
      <div className="signature-bar">
        <span className="hint">{value ? `✓ ${t('form.signed')}` : t('form.signHere')}</span>
        <button type="button" className="btn btn-secondary" onClick={clear}>
          {t('form.signClear')}
        </button>
      </div>
    </div>
  );
}
