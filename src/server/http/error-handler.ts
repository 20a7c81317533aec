import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorCode, errorMessage } from '../../shared/errors.js';
import { isEdgeCode } from '../../shared/text.js';
import { AppError, RetryLaterError } from './errors.js';
import { requestLocale } from './locale.js';

function codeOf(err: FastifyError): ErrorCode {
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err instanceof SyntaxError && err.statusCode === 400))
    return 'request.malformed_json';
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'request.too_large';
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'request.unsupported_type';
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'request.malformed_json';
  if (err.statusCode === 429) return 'auth.rate_limited';
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return 'request.invalid';
  return 'internal.error';
}

/** One error shape for the whole API: { error: { code, message, details? } }, message in the request's language. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const locale = requestLocale(req);
    // Edge-validation details carry their code as message (see edge-validation.ts): answer it in words.
    const say = (message: string | undefined) =>
      isEdgeCode(message) ? errorMessage(message, locale) : (message ?? '');
    // A refusal from below the query builder (the PGlite queue is full) arrives wrapped as the query error's cause.
    const appError = err instanceof AppError ? err : err.cause instanceof AppError ? err.cause : undefined;
    if (appError instanceof RetryLaterError) reply.header('retry-after', String(appError.retryAfter));
    if (appError) {
      const { status, code } = appError;
      const details = appError.details?.map((d) => ({ ...d, message: say(d.message) }));
      return reply.status(status).send({ error: { code, message: errorMessage(code, locale), details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: `${err.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
        message: say(v.message),
      }));
      const code = err.validation.map((v) => v.message).find(isEdgeCode) ?? 'request.invalid';
      return reply.status(400).send({
        error: { code, message: errorMessage(code, locale), details },
      });
    }
    const code = codeOf(err);
    if (code === 'internal.error') req.log.error({ err }, 'unhandled error');
    const status = code === 'request.invalid' ? (err.statusCode ?? 400) : undefined;
    return reply
      .status(status ?? (code === 'internal.error' ? 500 : (err.statusCode ?? 400)))
      .send({ error: { code, message: errorMessage(code, locale) } });
  });
}

/** Fastify's own refusals before routing (a path that is not valid percent-encoding): the one error shape too. */
export function frameworkErrors(_err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  return reply.status(400).send({
    error: { code: 'request.invalid', message: errorMessage('request.invalid', requestLocale(req)) },
  });
}

export function sendNotFound(req: FastifyRequest, reply: FastifyReply) {
  return reply.status(404).send({
    error: { code: 'route.not_found', message: errorMessage('route.not_found', requestLocale(req)) },
  });
}
