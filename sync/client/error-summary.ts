/**
 * What the technician's status and the engine's reports say of an error: its name and
 * message, which for the errors met here (fetch, IndexedDB, DeliveryFailure) name the fault
 * and never carry a citizen's data, or `fallback` for anything thrown that is not an Error.
 */
export function errorSummary(error: unknown, fallback: string): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : fallback;
}
