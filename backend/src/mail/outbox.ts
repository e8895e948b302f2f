import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';

export type OutboxMessage = { file: string; to: string; subject: string; text: string; html: string | undefined };

/** The messages written to an outbox folder, oldest first (for tests, and for people reading them). */
export async function readOutbox(dir: string): Promise<OutboxMessage[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((file) => file.endsWith('.eml')).sort();
  return Promise.all(
    files.map(async (file) => {
      const parsed = await simpleParser(await readFile(path.join(dir, file)));
      const to = Array.isArray(parsed.to) ? parsed.to.map((address) => address.text).join(', ') : (parsed.to?.text ?? '');
      return { file, to, subject: parsed.subject ?? '', text: parsed.text ?? '', html: parsed.html || undefined };
    }),
  );
}
