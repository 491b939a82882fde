/**
 * The console's contract with whoever serves it (CloudFront in AWS, the local front door): where it
 * reads its settings, where the API is, and where sign-in returns to.
 */
export const CONSOLE_PATHS = {
  config: '/config.json',
  /** The API below the console's own origin: CloudFront and the local front door strip it. */
  api: '/api',
  callback: '/callback',
  signedOut: '/signed-out',
} as const;

/** /config.json: read by the console at start, written by the CDK stack or the local front door. */
export interface ConsoleConfig {
  /** The OpenID Connect issuer: Cognito's user pool, or the local provider. */
  authority: string;
  clientId: string;
  /** Cognito's sign-out endpoint is not in its discovery document, so it is told here. */
  signOut?: { endpoint: string; returnParameter: string };
}

/**
 * The console's security headers, the same from CloudFront and locally: no script but its own files
 * (no inline script at all), no framing, no sniffing, HTTPS remembered for two years.
 */
export function consoleSecurityHeaders(identityOrigins: readonly string[] = []): Record<string, string> {
  const identity = identityOrigins.map((origin) => ` ${origin}`).join('');
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src 'self'${identity}`,
      `form-action 'self'${identity}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join('; '),
    'strict-transport-security': 'max-age=63072000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
}
