import { Logger } from '@aws-lambda-powertools/logger';

/** Structured JSON logs. Never log an event, a body or an error message: they may hold personal data. */
export const logger = new Logger({ serviceName: 'moymore-register' });
