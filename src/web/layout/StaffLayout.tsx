import { Outlet } from '@tanstack/react-router';
import { useAuth } from '../auth/session.ts';
import { AntdProvider } from './AntdProvider.tsx';
import { AppLayout } from './AppLayout.tsx';

/** The staff area (loaded after the login): Ant Design, the header with the sections, and the current screen. */
export default function StaffLayout() {
  const { user } = useAuth();
  // Logged out in another tab or expired: the unauthenticated handler is already taking the user to the login.
  if (!user) return null;
  return (
    <AntdProvider>
      <AppLayout>
        <Outlet />
      </AppLayout>
    </AntdProvider>
  );
}
