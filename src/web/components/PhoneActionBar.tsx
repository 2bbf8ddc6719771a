import type { ReactNode } from 'react';

/**
 * A page's main actions held at the bottom of a phone's screen while the user scrolls the content.
 * Place it last in the page: it sticks while the page is on screen, edge to edge over the content
 * padding of the phone layout.
 */
export function PhoneActionBar({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div
      data-testid={testId}
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 10,
        margin: '16px -12px -12px',
        padding: 12,
        background: '#fff',
        boxShadow: '0 -2px 8px rgba(0,0,0,0.08)',
      }}
    >
      {children}
    </div>
  );
}
