import { Toast, ToastBody, ToastTitle } from '@fluentui/react-components';

export function readinessToast(title: string, body: string) {
  return (
    <Toast>
      <ToastTitle>{title}</ToastTitle>
      <ToastBody>{body}</ToastBody>
    </Toast>
  );
}
