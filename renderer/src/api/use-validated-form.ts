import { useState, type FormEvent } from 'react';
import { validateApiInput, type ApiMethod } from '../../../shared/api/index.js';
import { useAction, type ActionState } from './use-action.js';

/** Returns each problem's message by its JSON pointer (the first one per field). */
export function problemsByField(problems: ReturnType<typeof validateApiInput>): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const p of problems) if (!out.has(p.pointer)) out.set(p.pointer, p.message);
  return out;
}

export interface ValidatedForm<F, I> extends Pick<ActionState, 'busy' | 'error'> {
  readonly fields: F;
  setFields(update: (fields: F) => F): void;
  /** The input the fields describe, as the engine will receive it. */
  readonly input: I;
  /** Problems by pointer, shown only once the user tried to submit. */
  readonly shown: ReadonlyMap<string, string>;
  /** An onChange handler setting one field from an input or select. */
  set(name: keyof F): (event: { target: { value: string } }) => void;
  /** An onSubmit handler: validates with the engine's own schema, then sends the input once. */
  submit(send: (input: I) => Promise<void>): (event: FormEvent) => Promise<void>;
}

/**
 * A form whose input is checked by the same schema the engine applies to `method`, problems shown
 * by field after the first submit; the engine's own refusal is kept in `error`.
 */
export function useValidatedForm<F, I>(method: ApiMethod, initial: F, toInput: (fields: F) => I): ValidatedForm<F, I> {
  const [fields, setFields] = useState(initial);
  const [touched, setTouched] = useState(false);
  const { busy, error, run } = useAction();
  const input = toInput(fields);
  const problems = problemsByField(validateApiInput(method, input));
  return {
    fields,
    setFields,
    input,
    busy,
    error,
    shown: touched ? problems : new Map<string, string>(),
    set: (name) => (event) => setFields((f) => ({ ...f, [name]: event.target.value })),
    submit: (send) => async (event) => {
      event.preventDefault();
      setTouched(true);
      if (problems.size > 0) return;
      const sent = await run(() => send(input));
      if (sent) setTouched(false);
    },
  };
}
