import { memo, useEffect, useState } from 'react';
import type { Locale } from '../../domain/locale';
import { clockText } from './clock-text';

/**
 * Date and time to the minute. It re-renders only when the minute changes: each render
 * formats through ICU, which costs milliseconds on a slow kiosk, and a tick that lands
 * during a touch delays the next screen.
 */
export const Clock = memo(function Clock({
  locale,
  className,
}: {
  locale: Locale;
  className?: string;
}) {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const next = () => {
      const now = Date.now();
      setMinute(Math.floor(now / 60_000));
      // A little past the turn of the minute, so the new minute is what is shown.
      timer = setTimeout(next, 60_000 - (now % 60_000) + 50);
    };
    timer = setTimeout(next, 60_000 - (Date.now() % 60_000) + 50);
    return () => clearTimeout(timer);
  }, []);
  const { date, time } = clockText(new Date(minute * 60_000), locale);
  return (
    <div className={className} aria-live="off">
      <span className="clock-time">{time}</span>
      <span className="clock-date">{date}</span>
    </div>
  );
});
