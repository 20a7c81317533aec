import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * A table that may scroll sideways on a narrow screen. When it does, the wrapper becomes a named,
 * focusable region so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function TableWrap({ label, children, busy }: { label: string; children: ReactNode; busy?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className="table-wrap"
      aria-busy={busy || undefined}
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}
    >
      {children}
    </div>
  );
}
