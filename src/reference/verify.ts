export async function verifyBundle(dir: string): Promise<string[]> {
  return [dir];
}
