import { useMemo, useRef, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { ApiProvider } from '../lib/api/api-context.tsx';
import { apiClient } from '../lib/api/client.ts';
import { useAuth, useSession } from '../lib/auth/auth-provider.tsx';
import { createQueryClient } from './query-client.ts';

/** The session's API client (carrying its current ID token) and its query cache. */
export function SignedInProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const { sessionEnded } = useAuth();
  const token = useRef(session.idToken);
  token.current = session.idToken;
  const api = useMemo(() => apiClient(() => token.current, sessionEnded), [sessionEnded]);
  const queryClient = useMemo(createQueryClient, []);
  return (
    <ApiProvider client={api}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ApiProvider>
  );
}
