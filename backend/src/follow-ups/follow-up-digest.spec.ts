import { dayIn } from '../common/town-time';
import { addDays } from '../common/town-time';
import { backgroundJobs } from '../jobs/background-jobs';
import { Job } from '../jobs/job.model';
import { JobScheduler } from '../jobs/job-scheduler';
import { readOutbox } from '../mail/outbox';
import { makePartner, signedIn, testContext } from '../testing/test-app';
import { DigestDelivery } from './follow-up.model';
import { sendFollowUpDigests } from './follow-up-digest';

describe('the daily follow-up digest', () => {
  const digestJob = () => {
    const { config, mailer } = testContext();
    return backgroundJobs({ config, mailer }).find((job) => job.name === 'follow-up-digest')!;
  };

  async function messagesTo(email: string) {
    return (await readOutbox(testContext().config.mail.outboxDir)).filter((message) => message.to.includes(email));
  }

  it('is sent once per assignee even when two schedulers (two app processes) find the job due together', async () => {
    const officer = await signedIn('officer');
    const colleague = await signedIn('officer');
    const partner = await makePartner({ name: `Brühl digest ${Date.now()}`, kind: 'twin_town', country: 'DE' });
    const today = dayIn(testContext().config.timeZone);
    const log = await officer.post('/api/v1/interactions').send({
      type: 'meeting',
      subject: 'Réunion de jumelage',
      partnerIds: [partner.id],
      followUps: [
        { title: 'Envoyer le compte rendu', dueOn: today, assigneeUserId: colleague.user.id },
        { title: 'Réserver la salle', dueOn: addDays(today, -3), assigneeUserId: colleague.user.id },
        { title: 'Plus tard', dueOn: addDays(today, 10), assigneeUserId: colleague.user.id },
      ],
    });
    expect(log.status).toBe(201);

    // The job's row, due now, as the first process to start would have left it.
    await Job.destroy({ where: { name: 'follow-up-digest' } });
    const now = new Date();
    const first = new JobScheduler([digestJob()]);
    const second = new JobScheduler([digestJob()]);
    await first.register(new Date(now.getTime() - 2 * 86_400_000));
    await Job.update({ runAt: new Date(now.getTime() - 1000) }, { where: { name: 'follow-up-digest' } });

    const [ranFirst, ranSecond] = await Promise.all([first.runDue(now), second.runDue(now)]);
    expect([...ranFirst, ...ranSecond]).toEqual(['follow-up-digest']);

    const messages = await messagesTo(colleague.user.email);
    expect(messages.length).toBe(1);
    const [message] = messages;
    expect(message!.subject).toContain('1 en retard, 1 pour aujourd’hui');
    expect(message!.text).toContain('Envoyer le compte rendu');
    expect(message!.text).toContain('Réserver la salle');
    expect(message!.text).not.toContain('Plus tard');
    expect(message!.text).toContain(`échéance ${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`);
    expect(message!.text).toContain(partner.name);
    expect(message!.text).toContain('http://passerelles.test/suivis');
    expect(await messagesTo(officer.user.email)).withContext('nothing due for the author').toEqual([]);

    // A second run the same day (a lease that expired, a restart) sends nothing again.
    expect(await sendFollowUpDigests(new Date(), { mailer: testContext().mailer, timeZone: 'Europe/Paris', publicUrl: 'http://passerelles.test' })).toBe(0);
    expect((await messagesTo(colleague.user.email)).length).toBe(1);
    expect(await DigestDelivery.count({ where: { userId: colleague.user.id, day: today } })).toBe(1);
    const row = await Job.findByPk('follow-up-digest');
    expect(row!.runAt.getTime()).toBeGreaterThan(now.getTime());
  });

  it('gives the day back when sending fails, so that the next run tries again', async () => {
    const officer = await signedIn('officer');
    const partner = await makePartner();
    const today = dayIn('Europe/Paris');
    await officer.post('/api/v1/follow-ups').send({ title: 'À relancer', dueOn: today, assigneeUserId: officer.user.id, partnerId: partner.id });
    const failing = { destination: 'nowhere', send: async () => Promise.reject(new Error('SMTP down')) };
    await expectAsync(sendFollowUpDigests(new Date(), { mailer: failing, timeZone: 'Europe/Paris', publicUrl: 'http://passerelles.test' })).toBeRejectedWithError(/SMTP down/);
    expect(await DigestDelivery.count({ where: { userId: officer.user.id, day: today } })).toBe(0);
    const sent: string[] = [];
    const working = { destination: 'memory', send: async (message: { to: string }) => void sent.push(message.to) };
    await sendFollowUpDigests(new Date(), { mailer: working, timeZone: 'Europe/Paris', publicUrl: 'http://passerelles.test' });
    expect(sent).toContain(officer.user.email);
  });
});
