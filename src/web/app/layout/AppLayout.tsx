import { Suspense, useState } from 'react';
import { Card, Drawer, Grid, Layout, Skeleton } from 'antd';
import { Outlet } from 'react-router';
import { HeaderBar } from './HeaderBar';
import { NavMenu } from './NavMenu';
import { useI18n } from '../i18n/useI18n';
import { useScrollRegionsFocusable } from './useScrollRegionsFocusable';

const SIDER_WIDTH = 220;

function Brand() {
  const { t } = useI18n();
  return (
    <div style={{ padding: '16px 20px 8px' }}>
      <div style={{ fontSize: 22, fontWeight: 700, color: '#c8161d', letterSpacing: 2 }}>{t('app.name')}</div>
      <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.62)' }}>{t('app.tagline')}</div>
    </div>
  );
}

/** Sider menu on a desktop; on a phone the same menu slides in from a Drawer. */
export function AppLayout() {
  useScrollRegionsFocusable();
  const screens = Grid.useBreakpoint();
  const isDesktop = screens.md ?? false;
  const [menuOpen, setMenuOpen] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isDesktop && (
        <Layout.Sider
          width={SIDER_WIDTH}
          theme="light"
          style={{
            borderInlineEnd: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            height: '100vh',
            overflow: 'auto',
          }}
        >
          <Brand />
          <NavMenu />
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <HeaderBar compact={!isDesktop} onOpenMenu={() => setMenuOpen(true)} />
        <Layout.Content style={{ padding: isDesktop ? 24 : 12, minWidth: 0 }}>
          <Suspense
            fallback={
              <Card>
                <Skeleton active />
              </Card>
            }
          >
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {!isDesktop && (
        <Drawer
          open={menuOpen}
          placement="left"
          size={SIDER_WIDTH + 40}
          onClose={() => setMenuOpen(false)}
          title={<Brand />}
          styles={{ body: { padding: 0 }, header: { padding: 0 } }}
        >
          <NavMenu onNavigate={() => setMenuOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
