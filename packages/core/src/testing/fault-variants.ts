import { type ProviderErrorFaultKind, providerFaultKinds } from './provider-mock.js';

/** A mock's wire forms of each provider-neutral fault, by variant name; the first is the default. */
export type FaultVariants<Fault> = Readonly<
  Record<ProviderErrorFaultKind, Readonly<Record<string, Fault>>>
>;

/**
 * The wire form `variant` of fault `kind` (the first listed when none is asked for). A kind or
 * variant the mock does not have is an error naming the choices, made by `invalid` so that each
 * mock throws its own typed error.
 */
export function pickFaultVariant<Fault>(
  variants: FaultVariants<Fault>,
  kind: unknown,
  variant: string | undefined,
  invalid: (message: string) => Error,
): Fault {
  const forms = Object.hasOwn(variants, String(kind))
    ? variants[kind as ProviderErrorFaultKind]
    : undefined;
  if (forms === undefined) {
    throw invalid(
      `unknown provider fault ${JSON.stringify(kind)}; expected one of ${providerFaultKinds.join(', ')}.`,
    );
  }
  const name = variant ?? Object.keys(forms)[0]!;
  if (!Object.hasOwn(forms, name)) {
    throw invalid(
      `unknown ${String(kind)} variant ${JSON.stringify(name)}; expected one of ${Object.keys(forms).join(', ')}.`,
    );
  }
  return forms[name]!;
}

/** The variant names of `kind`, for `ProviderMock.faultVariants`. */
export function faultVariantNames<Fault>(variants: FaultVariants<Fault>, kind: unknown): string[] {
  return Object.hasOwn(variants, String(kind))
    ? Object.keys(variants[kind as ProviderErrorFaultKind])
    : [];
}
