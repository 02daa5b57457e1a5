// One table of Entra role names, shared with main and the CLI (electron/shared/entraRoles.ts).
export { entraRoleName } from '../../electron/shared/entraRoles';
