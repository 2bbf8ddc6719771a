import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useSessionUser } from '../../features/auth/auth.api';
import { useI18n } from '../i18n/useI18n';
import { visibleAreas } from '../navigation';

/** The areas this user's roles open, highlighted by the current path. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const user = useSessionUser();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const areas = visibleAreas(user);
  const selected = areas.find((a) => pathname === a.path || pathname.startsWith(`${a.path}/`));

  return (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected.path] : []}
      items={areas.map((area) => ({
        key: area.path,
        label: t(area.labelKey),
      }))}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
