import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMailer } from './mailer';
import { readOutbox } from './outbox';

describe('the mailer without SMTP_URL', () => {
  it('writes each message to the outbox folder, readable with its accents and long links intact', async () => {
    const outboxDir = path.join(mkdtempSync(path.join(tmpdir(), 'passerelles-mail-')), 'outbox');
    const mailer = createMailer({ smtpUrl: undefined, from: 'Passerelles <passerelles@sceaux.test>', outboxDir });
    const link = `http://localhost:3000/invitation/${'a'.repeat(120)}`;
    await mailer.send({ to: 'marie@sceaux.test', subject: 'Vos suivis échus aujourd’hui', text: `Bonjour Marie,\n\n${link}\n` });
    await mailer.send({ to: 'paul@sceaux.test', subject: 'Deuxième message', text: 'Rien à signaler.' });

    const messages = await readOutbox(outboxDir);
    expect(messages.length).toBe(2);
    expect(messages[0]!.to).toBe('marie@sceaux.test');
    expect(messages[0]!.subject).toBe('Vos suivis échus aujourd’hui');
    expect(messages[0]!.text).toContain(link);
    expect(messages[1]!.subject).toBe('Deuxième message');
    expect(mailer.destination).toBe(outboxDir);
  });
});
