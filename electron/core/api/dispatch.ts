/** The single entry of both transports: parse the input with the contract, run the handler, and turn every failure
 * into a typed error with a sentence in the user's language. Never a stack trace to the user. */
import type { z } from 'zod';
import { contract, type ApiResult } from '../../../shared/api/contract';
import { isOperationName } from '../../../shared/api/operations';
import { AppError, isAppError, type ApiErrorPayload, type ErrorCode } from '../../../shared/errors';
import { translator } from '../../../shared/i18n';
import type { Handlers } from './handlers';

export interface DispatchOptions {
  language: () => 'id' | 'en';
  /** Validate outputs against the contract too (tests and development). */
  checkOutputs?: boolean;
  log?: (message: string, error: unknown) => void;
}

function fieldOf(issue: z.core.$ZodIssue): string | undefined {
  const keys = issue.path.filter((p): p is string => typeof p === 'string' && p !== 'patch' && p !== 'fields' && p !== 'filter');
  return keys[keys.length - 1];
}

/** Maps the first zod issue to one of our codes, with the parameters the sentence needs. */
export function errorFromIssues(issues: z.core.$ZodIssue[], input: unknown): AppError {
  const issue = issues[0]!;
  const field = fieldOf(issue);
  const params: Record<string, string | number> = {};
  let code: ErrorCode = 'FIELD_INVALID';
  const custom = (issue as { params?: Record<string, unknown> }).params;
  if (issue.code === 'custom' && typeof custom?.code === 'string') {
    code = custom.code as ErrorCode;
    for (const [k, v] of Object.entries(custom)) if (k !== 'code' && (typeof v === 'string' || typeof v === 'number')) params[k] = v;
  } else if (issue.code === 'too_small' && (issue.origin === 'string' || issue.origin === 'array')) {
    code = 'FIELD_REQUIRED';
  } else if (issue.code === 'too_big' && issue.origin === 'string') {
    code = 'FIELD_TOO_LONG';
    params.max = Number(issue.maximum);
    let v: unknown = input;
    for (const p of issue.path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p as PropertyKey] : undefined;
    params.length = typeof v === 'string' ? v.length : Number(issue.maximum) + 1;
  } else if (issue.code === 'invalid_type' && issue.input === undefined) {
    code = 'FIELD_REQUIRED';
  }
  return new AppError(code, params, field);
}

export function toPayload(e: AppError, language: 'id' | 'en'): ApiErrorPayload {
  const t = translator(language);
  const fieldLabel = e.field ? t(`fields.${e.field}`, { defaultValue: e.field }) : t('fields.title');
  const message = t(`errors.${e.code}`, { ...e.params, field: fieldLabel });
  return { code: e.code, message, ...(e.field ? { field: e.field } : {}), ...(Object.keys(e.params).length ? { params: e.params } : {}) };
}

export async function dispatch(handlers: Handlers, name: unknown, rawInput: unknown, opts: DispatchOptions): Promise<ApiResult<unknown>> {
  const lang = opts.language();
  if (!isOperationName(name)) return { ok: false, error: toPayload(new AppError('UNKNOWN_OPERATION'), lang) };
  const spec = contract[name];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: toPayload(errorFromIssues(parsed.error.issues, rawInput), lang) };
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    const data = await handler(parsed.data);
    if (opts.checkOutputs) {
      const out = spec.output.safeParse(data);
      if (!out.success) throw new Error(`output of ${name} does not match the contract: ${out.error.message}`);
    }
    return { ok: true, data };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: toPayload(e, opts.language()) };
    opts.log?.(`operation ${name} failed`, e);
    return { ok: false, error: toPayload(new AppError('INTERNAL'), opts.language()) };
  }
}
