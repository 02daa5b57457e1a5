/**
 * A count as SAM Desk writes it, "10,000", in the window and in main's own dialogs alike.
 * Browser-safe: the renderer uses it too. The formatter is built on first use, not at start-up.
 */
let countFormat: Intl.NumberFormat | undefined;

export function formatCount(count: number): string {
  return (countFormat ??= new Intl.NumberFormat('en-US')).format(count);
}
