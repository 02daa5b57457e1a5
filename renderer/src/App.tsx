import { AriaLiveAnnouncer, FluentProvider, PortalMountNodeProvider, makeStaticStyles, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { Suspense, useState } from 'react';
import { AppToaster } from './components/AppToaster';
import { TooltipMountNode } from './components/AppTooltip';
import { usePrefersDarkScheme } from './hooks/usePrefersDarkScheme';
import { ConnectScreen } from './lazyPanels';
import { MainScreen } from './screens/MainScreen';
import { StartupScreen } from './screens/StartupScreen';
import { StartupNotices } from './components/StartupNotices';
import { useStoreFields } from './store';

const useGlobalStyles = makeStaticStyles({
  'html, body, #root': { margin: 0, padding: 0, height: '100%' },
});

export function App() {
  useGlobalStyles();
  const dark = usePrefersDarkScheme();
  // Toasts and tooltips portal into this landmark rather than loose into <body>, so every part of the page sits in one (axe "region").
  const [notifications, setNotifications] = useState<HTMLElement | null>(null);

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100%' }}>
      <AriaLiveAnnouncer>
        <TooltipMountNode.Provider value={notifications}>
          <StartupNotices />
          <CurrentScreen />
        </TooltipMountNode.Provider>
        <section ref={setNotifications} aria-label="Notifications" />
        {notifications && (
          <PortalMountNodeProvider value={notifications}>
            <AppToaster />
          </PortalMountNodeProvider>
        )}
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}

function CurrentScreen() {
  const { startupStatus, activeProfileId, wizardOpen } = useStoreFields(['startupStatus', 'activeProfileId', 'wizardOpen']);
  if (startupStatus !== 'ready') return <StartupScreen />;
  if (activeProfileId && !wizardOpen) return <MainScreen />;
  // The consent wizard (its own chunk): first run, or opened from the header to add or manage partner accounts.
  return (
    <Suspense fallback={<StartupScreen />}>
      <ConnectScreen />
    </Suspense>
  );
}
