import { useRef } from 'react';

/**
 * Runs an action unless the previous one is still on its way, so a double click sends one request. (A
 * mutation's isPending only changes on the next render: two clicks in one frame both see it false.)
 */
export function useSingleFlight() {
  const running = useRef(false);
  return (start: () => Promise<unknown>) => {
    if (running.current) return;
    running.current = true;
    start()
      .catch(() => {
        /* the mutation shows its own error */
      })
      .finally(() => {
        running.current = false;
      });
  };
}
