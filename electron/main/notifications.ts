import { Notification } from 'electron';
import type { Notice } from '../core/tray/notificationPolicy';

/** Shows one threshold notice; clicking it opens SAM Desk on that profile. */
export function showNotice(notice: Notice, onClick: (profileId: string) => void): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title: notice.title, body: notice.body, urgency: notice.threshold === 'warning' ? 'normal' : 'critical' });
  notification.on('click', () => onClick(notice.profileId));
  notification.show();
}
