import { type AnyStateMachine, type EventFromLogic, transition } from 'xstate';

export type Decision<TValue> =
  | { allowed: true; next: TValue; context: Record<string, unknown> }
  | { allowed: false; reason: 'not-in-this-state' | 'guard'; state: TValue };

/**
 * The event types a state (with its ancestors) has transitions for, per machine and state value;
 * null where a wildcard (`*`, `foo.*`) makes the set open. A list of 50 records asks about a dozen
 * commands each, and most commands are not handled in most states: answering those from this set
 * spares building a snapshot for them (the bulk of a list's CPU time, issue 21's profile).
 */
const handledCache = new WeakMap<AnyStateMachine, Map<string, ReadonlySet<string> | null>>();

function handledEvents(machine: AnyStateMachine, value: string): ReadonlySet<string> | null {
  if (typeof value !== 'string') return null; // the machines' states are flat; a nested value is not cached
  let byValue = handledCache.get(machine);
  if (!byValue) {
    byValue = new Map();
    handledCache.set(machine, byValue);
  }
  const cached = byValue.get(value);
  if (cached !== undefined) return cached;
  const nodes = (machine.resolveState({ value, context: {} }) as unknown as { _nodes: { on: object }[] })
    ._nodes;
  const types = nodes.flatMap((node) => Object.keys(node.on));
  const handled = types.some((type) => type.includes('*')) ? null : new Set(types);
  byValue.set(value, handled);
  return handled;
}

/**
 * Whether the machine accepts `event` in the state `value` (its guards asked with `context`),
 * without computing where it leads: what "may this person do it now" needs.
 */
export function accepts<TMachine extends AnyStateMachine>(
  machine: TMachine,
  value: string,
  event: EventFromLogic<TMachine>,
  context: Record<string, unknown> = {},
): boolean {
  const handled = handledEvents(machine, value);
  if (handled && !handled.has(event.type)) return false;
  // The machines are pure (guards read only the state, context and event): the same question has
  // the same answer, and rows of a list ask the same few questions over and over.
  let answers = acceptedCache.get(machine);
  if (!answers) {
    answers = new Map();
    acceptedCache.set(machine, answers);
  }
  const key = `${value}\u0000${JSON.stringify(event)}\u0000${JSON.stringify(context)}`;
  const known = answers.get(key);
  if (known !== undefined) return known;
  const answer = machine.resolveState({ value, context }).can(event);
  if (answers.size >= ACCEPTED_CACHE_SIZE) answers.clear();
  answers.set(key, answer);
  return answer;
}

const ACCEPTED_CACHE_SIZE = 10_000;
const acceptedCache = new WeakMap<AnyStateMachine, Map<string, boolean>>();

/**
 * Asks a machine, purely, whether `event` is allowed in the state `value` and where it leads.
 * Nothing runs: `transition` computes the next snapshot without starting an actor.
 */
export function decide<TMachine extends AnyStateMachine, TValue extends string>(
  machine: TMachine,
  value: TValue,
  event: EventFromLogic<TMachine>,
  context: Record<string, unknown> = {},
): Decision<TValue> {
  const handled = handledEvents(machine, value);
  if (handled && !handled.has(event.type))
    return { allowed: false, reason: 'not-in-this-state', state: value };
  const snapshot = machine.resolveState({ value, context });
  if (snapshot.can(event)) {
    const [next] = transition(machine, snapshot as never, event);
    const { value: nextValue, context: nextContext } = next as {
      value: unknown;
      context: Record<string, unknown>;
    };
    return { allowed: true, next: nextValue as TValue, context: nextContext };
  }
  // Is there a transition for this event at all? If so, only its guard said no.
  const isHandled =
    handled?.has(event.type) ??
    snapshot._nodes.some((node: { on: Record<string, unknown> }) => event.type in node.on);
  return { allowed: false, reason: isHandled ? 'guard' : 'not-in-this-state', state: value };
}
