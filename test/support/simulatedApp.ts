import { afterAll, beforeAll } from 'vitest';
import { AccessCheckService, type AccessCheckCollaborators } from '../../electron/core/accessCheck/accessCheckService';
import { createHandlers } from '../../electron/core/app/handlers';
import type { HandlerOptions, Handlers } from '../../electron/core/app/handlers/types';
import { createServices, type ServiceOverrides, type Services } from '../../electron/core/app/services';
import { startSimulatedCloud, type SimOptions, type SimulatedCloud } from '../sim';
import { isolatedEnvironment, type IsolatedEnvironment } from './environment';

/** A window opener for suites that never sign in through a browser. */
const noWindows: ServiceOverrides['opener'] = { open: () => ({ close: () => undefined }) };

export interface SimulatedAppOptions {
  /** The simulated cloud's seed (customers, auto-approval, …). */
  cloud?: SimOptions;
  /** Service overrides (a browser to sign in with, a clock, …); the window opener defaults to `noWindows`. */
  services?: (sim: SimulatedCloud) => Partial<ServiceOverrides> | Promise<Partial<ServiceOverrides>>;
  handlers?: HandlerOptions;
}

export interface SimulatedApp {
  readonly sim: SimulatedCloud;
  readonly isolated: IsolatedEnvironment;
  /** The services built once for the suite, as the app builds them. */
  readonly services: Services;
  readonly handlers: Handlers;
  /** Another set of services over the same data folder and keychain (a second window, a restart). */
  newServices(overrides?: Partial<ServiceOverrides>): Services;
}

/**
 * The simulated cloud, an isolated data folder and keychain service, and the app's services and
 * handlers over them, for one describe block: started in beforeAll, cleaned up in afterAll.
 */
export function useSimulatedApp(options: SimulatedAppOptions = {}): SimulatedApp {
  let sim: SimulatedCloud | undefined;
  let isolated: IsolatedEnvironment | undefined;
  let services: Services | undefined;
  let handlers: Handlers | undefined;
  let overridden: Partial<ServiceOverrides> = {};
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The simulated app is used before its beforeAll ran.');
    return value;
  };
  const newServices = (overrides: Partial<ServiceOverrides> = {}) =>
    createServices(started(isolated).environment, { opener: noWindows, ...overridden, ...overrides });

  beforeAll(async () => {
    sim = await startSimulatedCloud(options.cloud);
    isolated = isolatedEnvironment(sim);
    overridden = (await options.services?.(sim)) ?? {};
    services = newServices();
    handlers = createHandlers(services, options.handlers);
  });
  afterAll(async () => {
    await isolated?.cleanUp();
    await sim?.stop();
  });

  return {
    get sim() {
      return started(sim);
    },
    get isolated() {
      return started(isolated);
    },
    get services() {
      return started(services);
    },
    get handlers() {
      return started(handlers);
    },
    newServices,
  };
}

/** An access check over the suite's services whose HTTP client the test builds, to watch what it sends. */
export function watchedAccessCheck(app: SimulatedApp, httpWithSleep: AccessCheckCollaborators['httpWithSleep']): AccessCheckService {
  const { cloud, home } = app.isolated.environment;
  return new AccessCheckService({ cloud, home, keeper: app.services.keeper, vault: app.services.vault, customers: app.services.customers, httpWithSleep });
}
