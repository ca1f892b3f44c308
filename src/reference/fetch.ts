import type { Logger } from '../log';
export async function fetchBundle(o: { url: string; name: string; out: string; log: Logger }): Promise<string> {
  return o.out;
}
