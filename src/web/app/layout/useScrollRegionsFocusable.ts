import { useEffect } from 'react';

/** Boxes that scroll sideways inside a page: antd's wide tables (on a phone) and our own. */
const SCROLLERS = '.ant-table-content, .ant-table-body';

/**
 * A table wider than a phone scrolls inside its box, and a keyboard user can scroll it only if
 * the box can take the focus (WCAG 2.1.1; axe's scrollable-region-focusable). antd gives its
 * table box no tabindex, so each such box that does scroll gets one, as pages render and resize.
 */
export function useScrollRegionsFocusable(): void {
  useEffect(() => {
    let frame = 0;
    const mark = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        for (const el of document.querySelectorAll<HTMLElement>(SCROLLERS)) {
          const scrolls = el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight;
          if (scrolls && !el.hasAttribute('tabindex')) el.tabIndex = 0;
        }
      });
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', mark);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('resize', mark);
    };
  }, []);
}
