import { Button } from '@fluentui/react-components';
import { CheckmarkRegular, LinkRegular } from '@fluentui/react-icons';
import { useCopyText } from '../useCopyText';

/** Copies a link that holds nothing secret (an admin-consent URL) for the partner admin to send on. */
export function CopyLinkButton({ url, label = 'Copy link' }: { url: string; label?: string }) {
  const { copied, copy } = useCopyText(url, 'link');
  return (
    <Button size="small" icon={copied ? <CheckmarkRegular /> : <LinkRegular />} onClick={() => void copy()}>
      {copied ? 'Copied' : label}
    </Button>
  );
}
