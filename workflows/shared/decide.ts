import { type AnyStateMachine, type EventFromLogic, transition } from 'xstate';

export type Decision<TValue> =
  | { allowed: true; next: TValue; context: Record<string, unknown> }
  | { allowed: false; reason: 'not-in-this-state' | 'guard'; state: TValue };

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
  const handled = snapshot._nodes.some((node: { on: Record<string, unknown> }) => event.type in node.on);
  return { allowed: false, reason: handled ? 'guard' : 'not-in-this-state', state: value };
}
