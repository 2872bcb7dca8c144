import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `ms` (compared by JSON, so arrays built in render are fine). */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  const text = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(JSON.parse(text) as T), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return v;
}
