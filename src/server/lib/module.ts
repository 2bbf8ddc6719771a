import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceDeps } from './service-deps.js';

/** A background job main.ts runs on a timer when the scheduler is on. */
export interface ScheduledJob {
  /** Names the job in the log. */
  name: string;
  /** One run; answers a line for the log when it did something. */
  tick(): Promise<string | null>;
  /** Gives up whatever the job holds (a lease) so another instance takes over at once. */
  release(): Promise<void>;
}

/**
 * One server module: the services it builds, the routes it mounts under /api and the job it
 * runs, if any. `needs` names the services of other modules it uses; they are handed to
 * `services` and nothing else is, so a module's collaborators are the ones it declares.
 */
export interface ServerModule<Needs extends object, Provides extends object> {
  /** The module's folder, for the message when the module list is out of order. */
  name: string;
  needs: readonly (keyof Needs & string)[];
  services: (deps: ServiceDeps, needs: Needs) => Provides;
  routes: readonly FastifyPluginAsyncZod[];
  job?: (provided: Provides) => ScheduledJob;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list holds modules of every shape
export type AnyServerModule = ServerModule<any, any>;

export function defineModule<Provides extends object, Needs extends object = Record<never, never>>(
  module: ServerModule<Needs, Provides>,
): ServerModule<Needs, Provides> {
  return module;
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;

/** Every service the listed modules provide, under the names they give them. */
export type ProvidedBy<Modules extends readonly AnyServerModule[]> = UnionToIntersection<
  ReturnType<Modules[number]['services']>
>;

/**
 * Builds the modules' services in list order. A module needing a service no earlier module
 * provides, or two modules providing one name, stops the start at once.
 */
export function buildServices<Modules extends readonly AnyServerModule[]>(
  deps: ServiceDeps,
  modules: Modules,
): ProvidedBy<Modules> {
  const built: Record<string, unknown> = {};
  for (const module of modules) {
    const needs: Record<string, unknown> = {};
    for (const name of module.needs) {
      if (!(name in built))
        throw new Error(`module ${module.name} needs "${name}", which no module before it provides`);
      needs[name] = built[name];
    }
    const provided = module.services(deps, needs) as Record<string, unknown>;
    for (const name of Object.keys(provided)) {
      if (name in built) throw new Error(`module ${module.name} provides "${name}" a second time`);
      built[name] = provided[name];
    }
  }
  return built as ProvidedBy<Modules>;
}

/** The jobs of the listed modules, given the services they were built with. */
export function moduleJobs(modules: readonly AnyServerModule[], services: object): ScheduledJob[] {
  return modules.flatMap((m) => (m.job ? [m.job(services)] : []));
}
