// First: configures zod for the CSP before any schema is built (see csp.ts).
import './csp';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { ApiError } from './api/client';
import { peopleKeys } from './api/people';
import './i18n';
import { registerServiceWorker } from './offline/register';
import { startBackgroundSync } from './offline/sync';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (403, 404, …) do not get better by retrying.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

registerServiceWorker();
// Observation answers recorded offline are sent when the network returns, wherever the person is in the app.
startBackgroundSync(() => queryClient.getQueryData<{ id: string } | null>(peopleKeys.me)?.id ?? null);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
