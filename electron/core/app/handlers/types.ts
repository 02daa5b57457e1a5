import type { Channel, ChannelParsedInput, ChannelResult } from '../../../ipc/channels';
import type { Settings } from '../../../ipc/settings';
import type { Services } from '../services';
import type { Confirm } from '../confirmations';

export type Handler<C extends Channel> = (input: ChannelParsedInput<C>) => Promise<ChannelResult<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

/** Each domain supplies the handlers for its own channels. */
export type HandlerGroup<C extends Channel> = (services: Services, options: HandlerOptions) => { [K in C]: Handler<K> };

export interface HandlerOptions {
  /** Values to pre-fill the connect form with; never secrets. */
  suggestions?: { partnerTenant?: string; clientId?: string };
  /** Called after settings are saved, so the app can apply what needs the OS (start at login). */
  onSettingsChanged?: (settings: Settings) => void;
  /** Asks the user to confirm a change to a tenant (confirmations.ts); without one, such changes are refused. */
  confirm?: Confirm;
}
