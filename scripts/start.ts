/** `npm start`: SAM Desk against the cloud in settings (Microsoft's public cloud unless SAMDESK_CLOUD says otherwise). */
import { launch } from './launch';

void launch({}).then(() => process.exit(0));
